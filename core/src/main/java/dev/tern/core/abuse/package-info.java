/**
 * Abuse controls: the host blocklist checked at creation and again at redirect
 * ({@link dev.tern.core.abuse.HostBlocklist}), and visitors' abuse reports, which disable nothing
 * ({@link dev.tern.core.abuse.AbuseReportService}). See {@code docs/adr/2026-11-23-audit-and-abuse.md}.
 */
package dev.tern.core.abuse;
