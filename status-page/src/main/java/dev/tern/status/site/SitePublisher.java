package dev.tern.status.site;

import java.util.Map;

/** Where a generated site goes: a directory ({@link SiteDirectory}) locally, an S3 bucket in AWS. */
@FunctionalInterface
public interface SitePublisher {
    /** Writes every file of {@code site} (relative path to bytes), replacing what was there. */
    void publish(Map<String, byte[]> site);
}
