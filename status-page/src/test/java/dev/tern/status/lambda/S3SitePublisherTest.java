package dev.tern.status.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 publisher against a tiny S3 stand-in on 127.0.0.1 that records each PutObject. */
class S3SitePublisherTest {
    record Put(String method, String path, String contentType, String cacheControl, String body) {}

    private final List<Put> puts = new CopyOnWriteArrayList<>();
    private HttpServer fakeS3;
    private S3Client s3;

    @BeforeEach
    void start() throws IOException {
        fakeS3 = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fakeS3.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            puts.add(new Put(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("Cache-Control"),
                    new String(body, StandardCharsets.UTF_8)));
            exchange.getResponseHeaders().add("ETag", "\"0\"");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        fakeS3.start();
        s3 = S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + fakeS3.getAddress().getPort()))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void stop() {
        s3.close();
        fakeS3.stop(0);
    }

    @Test
    void publish_putsEveryFileAtTheBucketRoot_withItsTypeAndAShortCacheLifetime_pageLast() {
        Map<String, byte[]> site = new LinkedHashMap<>();
        site.put("index.html", "<!doctype html><title>Tern status</title>".getBytes(StandardCharsets.UTF_8));
        site.put("api/v2/summary.json", "{\"status\":{}}".getBytes(StandardCharsets.UTF_8));
        site.put("badge.svg", "<svg/>".getBytes(StandardCharsets.UTF_8));

        new S3SitePublisher(s3, "tern-status").publish(site);

        assertThat(puts).extracting(Put::method).containsOnly("PUT");
        assertThat(puts).extracting(Put::path)
                .containsExactly("/tern-status/api/v2/summary.json", "/tern-status/badge.svg", "/tern-status/index.html");
        assertThat(puts).extracting(Put::contentType).containsExactly("application/json", "image/svg+xml", "text/html; charset=utf-8");
        assertThat(puts).extracting(Put::cacheControl).containsOnly(S3SitePublisher.CACHE_CONTROL);
        assertThat(puts.getLast().body()).contains("<title>Tern status</title>");
    }
}
