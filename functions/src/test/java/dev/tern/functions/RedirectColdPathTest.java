package dev.tern.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
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
 * The redirect function's cold start: serving redirects, 404s and clicks must not load Jackson (nor
 * the REST API's classes). Runs the redirect in a fresh class loader that records every class it loads.
 */
class RedirectColdPathTest {

    @Test
    void redirect_neverLoadsJacksonOrTheApi() throws Exception {
        try (RecordingLoader loader = new RecordingLoader(classPath())) {
            Class<?> probe = loader.loadClass(Probe.class.getName());
            ((Runnable) probe.getDeclaredConstructor().newInstance()).run();

            assertThat(loader.loaded).contains(RedirectHandler.class.getName(), LogLineClickSink.class.getName());
            assertThat(loader.loaded).noneMatch(name -> name.startsWith("com.fasterxml."));
            assertThat(loader.loaded).doesNotContain(LinksApiHandler.class.getName(), ApiJson.class.getName(),
                    ClickAggregationHandler.class.getName());
        }
    }

    /** Runs inside the recording loader: a redirect with a click line, a 404 and a 410. */
    public static final class Probe implements Runnable {
        @Override
        public void run() {
            TestWiring t = TestWiring.create();
            List<String> lines = new ArrayList<>();
            t.clickSink(new LogLineClickSink(lines::add));
            t.save("abc", "https://example.com/");
            t.save("off", "https://example.com/", dev.tern.core.link.LinkStatus.DISABLED);
            RedirectHandler handler = t.redirect();
            APIGatewayV2HTTPResponse found = handler.handleRequest(Events.get("/abc").header("referer", "https://r.example/").build(), null);
            APIGatewayV2HTTPResponse missing = handler.handleRequest(Events.get("/nope").build(), null);
            APIGatewayV2HTTPResponse gone = handler.handleRequest(Events.get("/off").build(), null);
            if (found.getStatusCode() != 301 || missing.getStatusCode() != 404 || gone.getStatusCode() != 410 || lines.size() != 1) {
                throw new AssertionError("the redirect did not behave: " + found + missing + gone + lines);
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
