package dev.tern.web;

import dev.tern.core.error.ErrorCode;
import dev.tern.core.error.TernException;
import dev.tern.core.link.CodePolicy;
import dev.tern.core.link.LinkService;
import dev.tern.core.link.LongUrl;
import dev.tern.core.link.ShortCode;
import dev.tern.core.link.UrlPolicy;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks every field of a posted form at once, so that each wrong field gets its own message in one
 * answer (the core stops at the first problem). The rules are the core's own ({@link LongUrl#parse},
 * {@link CodePolicy#custom}); the core checks them again when it creates the link, and
 * {@link #fromCore} places its errors (a code taken meanwhile) on their field too.
 *
 * <p>The expiry is read as UTC: {@code 2026-12-31T23:59} (what a {@code datetime-local} input sends),
 * also with seconds or a space instead of {@code T}, a date alone ({@code 2026-12-31}: the link works
 * to the end of that day, UTC), or an ISO instant with an offset.
 */
final class FormCheck {
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*):");
    private static final Pattern DATE_ONLY = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

    private final UrlPolicy urlPolicy;
    private final CodePolicy codePolicy;

    FormCheck(UrlPolicy urlPolicy, CodePolicy codePolicy) {
        this.urlPolicy = urlPolicy;
        this.codePolicy = codePolicy;
    }

    /** The outcome: the problems (empty when the form is acceptable) and the expiry read. */
    record Outcome(List<FieldError> errors, Instant expiresAt) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    Outcome check(LinkForm form, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (form.url().isEmpty()) {
            errors.add(FieldError.of("url", "error.url.required"));
        } else {
            try {
                LongUrl.parse(form.url(), urlPolicy);
            } catch (TernException e) {
                errors.add(urlError(e, form.url()));
            }
        }
        if (!form.code().isEmpty()) {
            try {
                codePolicy.custom(form.code());
            } catch (TernException e) {
                errors.add(codeError(e, form.code()));
            }
        }
        String title = form.title().replaceAll("\\s+", " ");
        if (title.codePointCount(0, title.length()) > LinkService.MAX_TITLE_LENGTH) {
            errors.add(FieldError.of("title", "error.title.long", LinkService.MAX_TITLE_LENGTH));
        }
        Instant expiresAt = null;
        if (!form.expires().isEmpty()) {
            Optional<Instant> parsed = parseExpiry(form.expires());
            if (parsed.isEmpty()) {
                errors.add(FieldError.of("expires", "error.expires.format"));
            } else if (!parsed.get().isAfter(now)) {
                errors.add(FieldError.of("expires", "error.expires.past"));
            } else {
                expiresAt = parsed.get();
            }
        }
        return new Outcome(List.copyOf(errors), expiresAt);
    }

    /**
     * The field error for a domain error raised by the create itself, or empty when the error is not
     * about one field.
     */
    Optional<FieldError> fromCore(TernException e, LinkForm form) {
        return switch (e.code()) {
            case INVALID_URL, REDIRECT_LOOP -> Optional.of(urlError(e, form.url()));
            case BLOCKED_URL -> Optional.of(FieldError.of("url", "error.url.blocked"));
            case INVALID_CODE, RESERVED_CODE, CODE_TAKEN -> Optional.of(codeError(e, form.code()));
            case INVALID_TITLE -> Optional.of(FieldError.of("title", "error.title.long", LinkService.MAX_TITLE_LENGTH));
            case INVALID_EXPIRY -> Optional.of(FieldError.of("expires", "error.expires.past"));
            default -> Optional.empty();
        };
    }

    static Optional<Instant> parseExpiry(String raw) {
        String text = raw.strip();
        if (text.length() > 40) {
            return Optional.empty();
        }
        try {
            if (DATE_ONLY.matcher(text).matches()) {
                return Optional.of(LocalDate.parse(text).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            String iso = text.replace(' ', 'T');
            if (iso.endsWith("Z") || iso.endsWith("z") || iso.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return Optional.of(OffsetDateTime.parse(iso.toUpperCase(Locale.ROOT)).toInstant());
            }
            return Optional.of(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static FieldError urlError(TernException e, String raw) {
        if (e.code() == ErrorCode.REDIRECT_LOOP) {
            return FieldError.of("url", "error.url.loop");
        }
        Matcher scheme = SCHEME.matcher(raw.strip());
        if (scheme.find()) {
            String name = scheme.group(1).toLowerCase(Locale.ROOT);
            if (UrlPolicy.ALWAYS_REFUSED_SCHEMES.contains(name)) {
                return FieldError.of("url", "error.url.dangerous", name + ":");
            }
        }
        return new FieldError("url", "error.url.invalid", List.of(), e.detail());
    }

    private static FieldError codeError(TernException e, String code) {
        return switch (e.code()) {
            case CODE_TAKEN -> FieldError.of("code", "error.code.taken", code);
            case RESERVED_CODE -> FieldError.of("code", "error.code.reserved", code);
            default -> code.length() > ShortCode.MAX_LENGTH
                    ? FieldError.of("code", "error.code.long", ShortCode.MAX_LENGTH)
                    : FieldError.of("code", "error.code.chars");
        };
    }
}
