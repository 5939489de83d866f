package dev.tern.local;

/**
 * The local platform's front page until the web module's form takes over the route: says what is
 * served and how to make a first link. Self-contained HTML, no scripts.
 */
final class HomePage {
    private HomePage() {
    }

    static String html(String baseUrl) {
        String base = escape(baseUrl);
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Tern (local)</title>
                <style>
                body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}
                pre{background:#f3f3f3;padding:1rem;overflow-x:auto}
                @media (prefers-color-scheme:dark){body{background:#111;color:#eee}pre{background:#222}}
                </style>
                </head>
                <body>
                <h1>Tern is running</h1>
                <p>This is the local platform: the same handlers that run in AWS Lambda, on DynamoDB Local.</p>
                <h2>Make a short link</h2>
                <pre>curl -i -X POST %1$s/api/v1/links \\
                  -H 'Content-Type: application/json' \\
                  -d '{"url":"https://example.com/a/long/page"}'</pre>
                <h2>Follow it and read its clicks</h2>
                <pre>curl -i %1$s/CODE
                curl %1$s/api/v1/links/CODE</pre>
                </body>
                </html>
                """.formatted(base);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
