package dev.tern.core.status;

import java.util.Comparator;

/** One component in one region: the smallest thing that has a state. */
public record Cell(Component component, Region region) implements Comparable<Cell> {
    private static final Comparator<Cell> ORDER = Comparator.comparing(Cell::component).thenComparing(Cell::region);

    @Override
    public int compareTo(Cell other) {
        return ORDER.compare(this, other);
    }

    /** "Redirects in eu-west-1". */
    public String describe() {
        return component.displayName() + " in " + region;
    }
}
