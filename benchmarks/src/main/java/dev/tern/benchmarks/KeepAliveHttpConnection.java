package dev.tern.benchmarks;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 keep-alive connection on a blocking socket, for the load generator: it writes a
 * request prepared as bytes and reads the response's status, skipping its headers and body
 * ({@code Content-Length} or chunked), and reconnects when the server closes the connection.
 *
 * <p>Why not {@code java.net.http.HttpClient}: on a 2-core machine where the load generator shares
 * the cores with the server, that client's asynchronous machinery (selector thread, completable
 * futures, header maps per response) cost about as much CPU as the server itself and capped the
 * measurement near 3,000 requests/s (docs/PERFORMANCE.md §2). A load generator should cost as little
 * as possible, as {@code wrk} does; this one reuses its buffers and allocates only a few header values per response.
 *
 * <p>Only for 127.0.0.1: the caller checks the host. Not thread-safe: one per load thread.
 */
final class KeepAliveHttpConnection implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final InetSocketAddress address;
    private final byte[] line = new byte[8192];
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean closeAfterResponse;

    KeepAliveHttpConnection(URI base) {
        this.address = new InetSocketAddress(base.getHost(), base.getPort());
    }

    /** {@code GET <path> HTTP/1.1} with a Host header, as bytes to send again and again. */
    static byte[] getRequest(URI base, String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nUser-Agent: tern-load-test\r\nAccept: */*\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Sends the request and reads the whole response.
     *
     * @return the response's status code
     * @throws IOException if the connection fails or the response is not HTTP/1.1 as expected;
     *                     the connection is closed and the next call opens a new one
     */
    int send(byte[] request) throws IOException {
        try {
            if (socket == null) {
                connect();
            }
            out.write(request);
            out.flush();
            int status = readResponse();
            if (closeAfterResponse) {
                close();
            }
            return status;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket opened = new Socket();
        opened.setTcpNoDelay(true);
        opened.connect(address, CONNECT_TIMEOUT_MILLIS);
        opened.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket = opened;
        in = new BufferedInputStream(opened.getInputStream(), 16 * 1024);
        out = opened.getOutputStream();
    }

    private int readResponse() throws IOException {
        int length = readLine();
        // "HTTP/1.1 301 Moved Permanently"
        if (length < 12 || line[0] != 'H' || line[8] != ' ') {
            throw new IOException("not an HTTP/1.x status line: " + new String(line, 0, length, StandardCharsets.ISO_8859_1));
        }
        int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        long contentLength = -1;
        boolean chunked = false;
        closeAfterResponse = line[7] == '0'; // HTTP/1.0: no keep-alive unless asked for
        while ((length = readLine()) > 0) {
            if (startsWithIgnoreCase("content-length:", length)) {
                contentLength = Long.parseLong(value("content-length:".length(), length));
            } else if (startsWithIgnoreCase("transfer-encoding:", length)) {
                chunked = value("transfer-encoding:".length(), length).equalsIgnoreCase("chunked");
            } else if (startsWithIgnoreCase("connection:", length)) {
                closeAfterResponse = value("connection:".length(), length).equalsIgnoreCase("close");
            }
        }
        if (chunked) {
            long chunk;
            while ((chunk = Long.parseLong(chunkSize(readLine()), 16)) > 0) {
                skip(chunk);
                readLine(); // the CRLF after the chunk
            }
            while (readLine() > 0) {
                // trailers
            }
        } else if (contentLength > 0) {
            skip(contentLength);
        } else if (contentLength < 0 && status >= 200 && status != 204 && status != 304) {
            closeAfterResponse = true; // body until close: not something Tern sends, but stay correct
            while (in.read(line) >= 0) {
                // drain
            }
        }
        return status;
    }

    /** Reads one CRLF-terminated line into {@link #line}; returns its length without the CRLF. */
    private int readLine() throws IOException {
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed by the server in the middle of a response");
            }
            if (b == '\n') {
                return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
            }
            if (length == line.length) {
                throw new IOException("response line longer than " + line.length + " bytes");
            }
            line[length++] = (byte) b;
        }
    }

    private boolean startsWithIgnoreCase(String prefix, int length) {
        if (length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase(line[i]) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String value(int from, int length) {
        return new String(line, from, length - from, StandardCharsets.ISO_8859_1).strip();
    }

    private String chunkSize(int length) {
        String size = new String(line, 0, length, StandardCharsets.ISO_8859_1);
        int extension = size.indexOf(';');
        return (extension < 0 ? size : size.substring(0, extension)).strip();
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            int read = in.read(line, 0, (int) Math.min(line.length, left));
            if (read < 0) {
                throw new EOFException("connection closed by the server with " + left + " bytes of the body missing");
            }
            left -= read;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection of a load test: nothing to recover
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
