package com.paylink.it.pages;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request written by hand on a socket, for what java.net.http will not do: choose the local
 * address (a second loopback address plays an untrusted client), send any Host header, or talk TLS to the
 * server's self-signed certificate.
 */
final class RawHttp {

    record Response(int status, List<String> headerLines, String body) {

        List<String> headers(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headerLines.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).trim()).toList();
        }

        String header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? null : values.get(0);
        }
    }

    private RawHttp() {
    }

    static Response get(String host, int port, boolean tls, String localAddress, String path, Map<String, String> headers)
            throws IOException {
        try (Socket socket = open(host, port, tls, localAddress)) {
            socket.setSoTimeout(15_000);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
            if (!headers.containsKey("Host")) {
                request.append("Host: ").append(host).append(':').append(port).append("\r\n");
            }
            headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    /** A form post ({@code application/x-www-form-urlencoded}) the same way. */
    static Response post(String host, int port, boolean tls, String localAddress, String path, Map<String, String> headers,
                         String form) throws IOException {
        try (Socket socket = open(host, port, tls, localAddress)) {
            socket.setSoTimeout(15_000);
            byte[] body = form.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\n");
            request.append("Host: ").append(host).append(':').append(port).append("\r\n");
            headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            request.append("Content-Type: application/x-www-form-urlencoded\r\n");
            request.append("Content-Length: ").append(body.length).append("\r\n");
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    private static Socket open(String host, int port, boolean tls, String localAddress) throws IOException {
        Socket plain = new Socket(InetAddress.getByName(host), port, InetAddress.getByName(localAddress), 0);
        if (!tls) {
            return plain;
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{new TrustAll()}, null);
            SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
            ssl.startHandshake();
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<String> headerLines = new ArrayList<>(List.of(lines).subList(1, lines.length));
        return new Response(status, headerLines, end < 0 ? "" : text.substring(end + 4));
    }

    /** The test server's certificate is WildFly's self-signed one; this client checks nothing else with it. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
