package dev.tern.migration.verify;

import dev.tern.core.Stores;
import dev.tern.core.link.Link;
import dev.tern.core.link.LinkPage;
import dev.tern.core.link.ShortCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Reads Tern's links together with their click totals, for {@code verify} and {@code export}.
 *
 * <p>A click total is one query per link ({@link dev.tern.core.click.ClickCounterStore#total}), so
 * totals (and single-link reads) are fetched by {@code lookupThreads} threads at once; results are
 * still handed over in order. Memory is bounded by one page ({@value #PAGE_SIZE} links), whatever
 * the number of links.
 *
 * <p>Close it to stop its threads.
 */
public final class TernRowReader implements AutoCloseable {
    /** Links per listing page, the most {@link dev.tern.core.link.LinkStore#list} gives. */
    public static final int PAGE_SIZE = 1000;

    private final Stores tern;
    private final ExecutorService lookups;

    /**
     * @param tern          Tern's stores
     * @param lookupThreads how many store reads run at once (1-64)
     */
    public TernRowReader(Stores tern, int lookupThreads) {
        this.tern = Objects.requireNonNull(tern, "tern");
        if (lookupThreads < 1 || lookupThreads > 64) {
            throw new IllegalArgumentException("lookup threads must be 1-64, got " + lookupThreads);
        }
        AtomicInteger counter = new AtomicInteger();
        this.lookups = Executors.newFixedThreadPool(lookupThreads, task -> {
            Thread thread = new Thread(task, "tern-lookup-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Every link of Tern, whatever its status, newest first (the listing index may lag the latest
     * writes by a moment), with its click total.
     */
    public void forEach(Consumer<TernRow> each) {
        Optional<String> cursor = Optional.empty();
        do {
            LinkPage page = tern.links().list(Optional.empty(), cursor, PAGE_SIZE);
            List<Future<TernRow>> rows = new ArrayList<>(page.links().size());
            for (Link link : page.links()) {
                rows.add(lookups.submit(() -> new TernRow(link, tern.clicks().total(link.code()))));
            }
            for (Future<TernRow> row : rows) {
                each.accept(await(row));
            }
            cursor = page.next();
        } while (cursor.isPresent());
    }

    /**
     * Every link of Tern, whatever its status, newest first, without click totals (one listing query
     * per {@value #PAGE_SIZE} links).
     */
    public void forEachLink(Consumer<Link> each) {
        Optional<String> cursor = Optional.empty();
        do {
            LinkPage page = tern.links().list(Optional.empty(), cursor, PAGE_SIZE);
            page.links().forEach(each);
            cursor = page.next();
        } while (cursor.isPresent());
    }

    /**
     * The links with these codes (a strongly consistent read each) and their click totals, in the
     * order of {@code codes}; empty where no link has the code.
     */
    public List<Optional<TernRow>> find(List<ShortCode> codes) {
        List<Future<Optional<TernRow>>> rows = new ArrayList<>(codes.size());
        for (ShortCode code : codes) {
            rows.add(lookups.submit(() -> tern.links().findLatest(code)
                    .map(link -> new TernRow(link, tern.clicks().total(code)))));
        }
        List<Optional<TernRow>> found = new ArrayList<>(codes.size());
        for (Future<Optional<TernRow>> row : rows) {
            found.add(await(row));
        }
        return found;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading Tern's links", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime; // a StoreUnavailableException keeps its own message for the CLI
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("reading Tern's links failed", e.getCause());
        }
    }

    @Override
    public void close() {
        lookups.shutdownNow();
    }
}
