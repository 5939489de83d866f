package dev.tern.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tern.core.link.LinkStatus;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A container that only serves redirects never loads the pages: no Thymeleaf, no OGNL, no QR
 * encoder, none of the site's page classes. Runs the handler in a fresh class loader that records
 * every class it loads; then shows that the first page does load them (so the test sees the difference).
 */
class SiteColdPathTest {

    @Test
    void redirects404sAnd410s_neverLoadThePages() throws Exception {
        try (RecordingLoader loader = new RecordingLoader(classPath())) {
            run(loader, RedirectsOnly.class);

            assertThat(loader.loaded).contains(SiteHandler.class.getName(), "dev.tern.functions.RedirectHandler");
            assertThat(loader.loaded).noneMatch(name -> name.startsWith("org.thymeleaf.") || name.startsWith("ognl.")
                    || name.startsWith("org.attoparser.") || name.startsWith("io.nayuki.") || name.startsWith("com.fasterxml."));
            assertThat(loader.loaded).doesNotContain(WebSite.class.getName(), Templates.class.getName(), Messages.class.getName(),
                    StaticAssets.class.getName(), FormTokens.class.getName());
        }
    }

    @Test
    void theFirstPage_loadsThem() throws Exception {
        try (RecordingLoader loader = new RecordingLoader(classPath())) {
            run(loader, OnePage.class);

            assertThat(loader.loaded).contains(WebSite.class.getName(), "org.thymeleaf.TemplateEngine");
            assertThat(loader.loaded).as("no JSON mapper for pages either").noneMatch(name -> name.startsWith("com.fasterxml."));
        }
    }

    private static void run(RecordingLoader loader, Class<?> probe) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader); // as in Lambda, where one loader holds everything
        try {
            ((Runnable) loader.loadClass(probe.getName()).getDeclaredConstructor().newInstance()).run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Runs inside the recording loader: a redirect, an unknown code and a disabled one. */
    public static final class RedirectsOnly implements Runnable {
        @Override
        public void run() {
            TestSite site = TestSite.create();
            site.save("abc", "https://example.com/");
            site.save("off", "https://example.com/", LinkStatus.DISABLED);
            APIGatewayV2HTTPResponse found = site.handler.handleRequest(Requests.get("/abc").build(), null);
            APIGatewayV2HTTPResponse missing = site.handler.handleRequest(Requests.get("/nope").build(), null);
            APIGatewayV2HTTPResponse gone = site.handler.handleRequest(Requests.head("/off").build(), null);
            if (found.getStatusCode() != 301 || missing.getStatusCode() != 404 || gone.getStatusCode() != 410 || site.clicks.size() != 1) {
                throw new AssertionError("the redirect did not behave: " + found + missing + gone);
            }
        }
    }

    /** Runs inside the recording loader: the home page. */
    public static final class OnePage implements Runnable {
        @Override
        public void run() {
            APIGatewayV2HTTPResponse home = TestSite.create().handler.handleRequest(Requests.get("/").build(), null);
            if (home.getStatusCode() != 200) {
                throw new AssertionError("no home page: " + home);
            }
        }
    }

    private static URL[] classPath() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }

    /** Loads every non-JDK class itself (never from the test's own loader) and remembers its name. */
    private static final class RecordingLoader extends URLClassLoader {
        final Set<String> loaded = ConcurrentHashMap.newKeySet();

        RecordingLoader(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            Class<?> found = super.findClass(name);
            loaded.add(name);
            return found;
        }
    }
}
