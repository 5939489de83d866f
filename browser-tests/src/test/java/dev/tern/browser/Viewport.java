package dev.tern.browser;

/** The two screen sizes every page is checked and photographed at (CSS pixels, device scale 1). */
enum Viewport {
    /** A current mid-size phone in portrait. */
    PHONE(390, 844, true),
    DESKTOP(1280, 900, false);

    private final int width;
    private final int height;
    private final boolean mobile;

    Viewport(int width, int height, boolean mobile) {
        this.width = width;
        this.height = height;
        this.mobile = mobile;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Whether Chromium emulates a mobile device (honours {@code <meta name="viewport">}, overlay scrollbars). */
    boolean mobile() {
        return mobile;
    }

    /** {@code phone} or {@code desktop}: the suffix of screenshot names. */
    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
