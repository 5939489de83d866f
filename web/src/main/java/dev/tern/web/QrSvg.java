package dev.tern.web;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as the parts of an inline SVG: the side of its square view box (the symbol plus the
 * four-module quiet zone the standard asks for) and one path of its dark modules, each row's runs of
 * dark modules merged into one rectangle. Encoded with error correction level M (15 %).
 *
 * @param size the side of the view box, in modules
 * @param path the SVG path data of the dark modules
 */
record QrSvg(int size, String path) {
    static final int QUIET_ZONE = 4;

    static QrSvg of(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        StringBuilder path = new StringBuilder(qr.size * qr.size);
        for (int y = 0; y < qr.size; y++) {
            int x = 0;
            while (x < qr.size) {
                if (!qr.getModule(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < qr.size && qr.getModule(x, y)) {
                    x++;
                }
                int run = x - start;
                path.append('M').append(start + QUIET_ZONE).append(',').append(y + QUIET_ZONE)
                        .append('h').append(run).append("v1h-").append(run).append('z');
            }
        }
        return new QrSvg(qr.size + 2 * QUIET_ZONE, path.toString());
    }

    /** The {@code viewBox} attribute. */
    public String viewBox() {
        return "0 0 " + size + " " + size;
    }
}
