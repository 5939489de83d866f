package dev.tern.migration.verify;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How {@link MigrationVerifier} works.
 *
 * @param ternBaseUrl     a running Tern to sample redirects through (its public base URL, e.g.
 *                        {@code https://s.example.com}); empty: no redirect is sampled
 * @param redirectSamples how many links (picked at random among those found in Tern) to request
 *                        through {@code ternBaseUrl}; 0 for none
 * @param listedDifferences how many differences (and Tern-only keywords) the report lists one by one;
 *                        all are counted
 * @param lookupThreads   how many Tern store reads run at once (1-64)
 * @param sampleSeed      seeds the choice of sampled links (the same seed, source and Tern give the same sample)
 */
public record VerifyOptions(Optional<URI> ternBaseUrl, int redirectSamples, int listedDifferences, int lookupThreads,
        long sampleSeed) {
    public static final int DEFAULT_LISTED_DIFFERENCES = 50;
    public static final int DEFAULT_LOOKUP_THREADS = 8;
    /** A cap that keeps sampling a spot check, not a second migration. */
    public static final int MAX_REDIRECT_SAMPLES = 100_000;

    public VerifyOptions {
        Objects.requireNonNull(ternBaseUrl, "ternBaseUrl");
        ternBaseUrl.ifPresent(VerifyOptions::requireHttpBase);
        if (redirectSamples < 0 || redirectSamples > MAX_REDIRECT_SAMPLES) {
            throw new IllegalArgumentException("redirect samples must be 0-" + MAX_REDIRECT_SAMPLES + ", got " + redirectSamples);
        }
        if (redirectSamples > 0 && ternBaseUrl.isEmpty()) {
            throw new IllegalArgumentException("sampling redirects needs the URL of the running Tern");
        }
        if (listedDifferences < 0) {
            throw new IllegalArgumentException("listed differences must not be negative, got " + listedDifferences);
        }
        if (lookupThreads < 1 || lookupThreads > 64) {
            throw new IllegalArgumentException("lookup threads must be 1-64, got " + lookupThreads);
        }
    }

    /** No redirect sampling, {@value #DEFAULT_LISTED_DIFFERENCES} differences listed, a random sample seed. */
    public static VerifyOptions defaults() {
        return new VerifyOptions(Optional.empty(), 0, DEFAULT_LISTED_DIFFERENCES, DEFAULT_LOOKUP_THREADS,
                ThreadLocalRandom.current().nextLong());
    }

    /** These options, sampling {@code samples} redirects through the Tern at {@code baseUrl}. */
    public VerifyOptions withRedirectSamples(URI baseUrl, int samples) {
        return new VerifyOptions(Optional.of(baseUrl), samples, listedDifferences, lookupThreads, sampleSeed);
    }

    public VerifyOptions withListedDifferences(int listed) {
        return new VerifyOptions(ternBaseUrl, redirectSamples, listed, lookupThreads, sampleSeed);
    }

    public VerifyOptions withLookupThreads(int threads) {
        return new VerifyOptions(ternBaseUrl, redirectSamples, listedDifferences, threads, sampleSeed);
    }

    public VerifyOptions withSampleSeed(long seed) {
        return new VerifyOptions(ternBaseUrl, redirectSamples, listedDifferences, lookupThreads, seed);
    }

    private static void requireHttpBase(URI base) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("http") && !scheme.equals("https")) || base.getHost() == null) {
            throw new IllegalArgumentException("the Tern URL must be an http:// or https:// URL with a host, got " + base);
        }
        if (base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new IllegalArgumentException("the Tern URL must not have a query or fragment, got " + base);
        }
    }
}
