package dev.tern.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The zip the functions are deployed from holds every handler the stacks name, in Lambda's Java layout. */
class LambdaBundleTest {
    private static final Path BUNDLE = Path.of(InfraSettings.Key.LAMBDA_BUNDLE.defaultValue());

    @Test
    void bundle_holdsEveryHandlerClassTheStacksName() throws IOException {
        Set<String> classes = new HashSet<>();
        Set<String> entries = new HashSet<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(BUNDLE))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.add(entry.getName());
                if (entry.getName().startsWith("lib/dev.tern") || entry.getName().startsWith("lib/tern-")) {
                    classes.addAll(classesIn(zip));
                }
            }
        }

        assertThat(entries).allMatch(name -> name.startsWith("lib/") && name.endsWith(".jar") || name.equals("lib/"),
                "only lib/*.jar, the layout the Lambda Java runtime puts on its class path");
        assertThat(entries).anyMatch(name -> name.startsWith("lib/aws-lambda-java-core-"));
        for (String handler : List.of(RegionStack.SITE_HANDLER, RegionStack.API_HANDLER, RegionStack.YOURLS_HANDLER,
                RegionStack.AGGREGATION_HANDLER, RegionStack.STATUS_PROBE_HANDLER, RegionStack.SWEEP_HANDLER)) {
            String className = handler.substring(0, handler.indexOf("::"));
            assertThat(classes).as(handler).contains(className.replace('.', '/') + ".class");
        }
    }

    private static Set<String> classesIn(InputStream jarBytes) throws IOException {
        Set<String> classes = new HashSet<>();
        // the outer stream stays open: read the inner jar from it without closing it
        ZipInputStream jar = new ZipInputStream(new java.io.FilterInputStream(jarBytes) {
            @Override
            public void close() {
            }
        });
        for (ZipEntry entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
            if (entry.getName().endsWith(".class")) {
                classes.add(entry.getName());
            }
        }
        return classes;
    }
}
