/**
 * Amazon DynamoDB Local started in-process on {@code 127.0.0.1}, in memory or on disk: see {@link
 * dev.tern.dynamodblocal.EmbeddedDynamoDb}.
 */
package dev.tern.dynamodblocal;
