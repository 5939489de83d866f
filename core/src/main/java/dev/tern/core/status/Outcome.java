package dev.tern.core.status;

/** How one probe request ended. */
public enum Outcome {
    /** The expected answer arrived. */
    PASS,
    /** A wrong answer arrived (status, header, body) or the connection failed. */
    FAIL,
    /** No answer within the probe's time limit. */
    TIMEOUT;

    /** Whether this outcome counts against the target. */
    public boolean isFailure() {
        return this != PASS;
    }
}
