package dev.tern.migration.source;

/** The YOURLS source cannot be read, or is not what a YOURLS database looks like; the message says where. */
public class SourceException extends RuntimeException {
    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
