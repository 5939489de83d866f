package dev.tern.migration;

/** What becomes of the creator address YOURLS kept with each link ({@code --ip}). */
public enum IpMode {
    /** Not carried: the creator is just {@code yourls}. */
    DROP,
    /** Carried as a keyed hash ({@code yourls:<16 hex>}): links of one address stay together, the address is not kept. */
    HASH,
    /** Carried as is ({@code yourls:<address>}); only where the operator has a reason and a legal basis. */
    KEEP
}
