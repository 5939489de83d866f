/**
 * The audit trail of links: every change (create, update, disable, enable, delete, restore) is a
 * numbered {@link dev.tern.core.audit.LinkVersion} with its {@link dev.tern.core.audit.Change}
 * record (who, when, what). The link store keeps the current version on the link and archives the
 * previous one before each change, so no change can be stored without its record (see
 * {@code docs/adr/2026-11-23-audit-and-abuse.md}).
 */
package dev.tern.core.audit;
