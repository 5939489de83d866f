package dev.tern.migration.config;

/**
 * A YOURLS {@code config.php} cannot be read, or a part Tern needs from it is not plain PHP data;
 * the message names the file and the line.
 */
public class YourlsConfigException extends RuntimeException {
    public YourlsConfigException(String message) {
        super(message);
    }

    public YourlsConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
