package dev.tern.status.incident;

/**
 * The state of one cell now.
 *
 * @param status its state: the confirmed one, unless the latest minute had no data or was in maintenance
 * @param detail why, from the latest judged minute
 */
public record CellStatus(ComponentStatus status, String detail) {}
