package dev.tern.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.nayuki.qrcodegen.QrCode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrSvgTest {
    private static final Pattern RUN = Pattern.compile("M(\\d+),(\\d+)h(\\d+)v1h-(\\d+)z");

    @Test
    void path_drawsExactlyTheDarkModules_insideTheQuietZone() {
        String text = "https://tern.example/promo";
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        QrSvg svg = QrSvg.of(text);

        assertThat(svg.size()).isEqualTo(qr.size + 8);
        assertThat(svg.viewBox()).isEqualTo("0 0 " + svg.size() + " " + svg.size());
        boolean[][] drawn = new boolean[qr.size][qr.size];
        Matcher m = RUN.matcher(svg.path());
        int end = 0;
        while (m.find()) {
            assertThat(m.start()).as("runs follow each other").isEqualTo(end);
            end = m.end();
            int x = Integer.parseInt(m.group(1)) - QrSvg.QUIET_ZONE;
            int y = Integer.parseInt(m.group(2)) - QrSvg.QUIET_ZONE;
            int length = Integer.parseInt(m.group(3));
            assertThat(m.group(4)).isEqualTo(m.group(3));
            for (int i = 0; i < length; i++) {
                assertThat(drawn[y][x + i]).as("drawn once").isFalse();
                drawn[y][x + i] = true;
            }
        }
        assertThat(end).isEqualTo(svg.path().length());
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                assertThat(drawn[y][x]).as("module %d,%d", x, y).isEqualTo(qr.getModule(x, y));
            }
        }
    }
}
