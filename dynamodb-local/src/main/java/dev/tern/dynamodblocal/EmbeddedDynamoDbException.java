package dev.tern.dynamodblocal;

/**
 * Thrown when an {@link EmbeddedDynamoDb} cannot be started or stopped: the port is taken, the data
 * directory is unusable or already served by another instance, or DynamoDB Local itself failed
 * (for example, its SQLite native library could not be loaded on this OS/architecture).
 */
public final class EmbeddedDynamoDbException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong, for a person to read
   * @param cause the underlying failure, or {@code null}
   */
  public EmbeddedDynamoDbException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates an exception without a cause.
   *
   * @param message what went wrong, for a person to read
   */
  public EmbeddedDynamoDbException(String message) {
    super(message);
  }
}
