import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The benchmark's client for what wrk cannot do (bench/run.sh runs it with `java BenchDriver.java`, no build):
 * <ul>
 *   <li>{@code pay BASE TOKENS USER PASSWORD [PAY_BASE]}: signs in as USER, listens on the staff page's WebSocket
 *       (/staff/push) like a staff page does, then pays each link in the file TOKENS one after another through
 *       the sandbox form over HTTP (at PAY_BASE if given: another node of a cluster); for each payment prints {@code token<TAB>epoch ms when the new unread count
 *       arrived} (the server runs on the same machine and clock, so bench/run.sh subtracts the payment's
 *       commit time read from the database).</li>
 *   <li>{@code sessions BASE TOKEN N CONCURRENCY}: opens N payer sessions (N link openings without cookies);
 *       prints how many were answered with a redirect to the payment page.</li>
 *   <li>{@code latency BASE TOKEN SECONDS}: a real payer with its session open on the payment page, loading it
 *       once every 100 ms for SECONDS; prints p50 and p99 in ms, failures and count.</li>
 *   <li>{@code paymany BASE TOKENS CONCURRENCY}: pays every link in TOKENS at once with CONCURRENCY payers; prints
 *       {@code token<TAB>paid|declined|error} as each answer comes (an error is a payer who got no answer).</li>
 *   <li>{@code attack BASE TOKENS N ADDRESSES CONCURRENCY}: N openings of the tokens in TOKENS over raw sockets
 *       bound to ADDRESSES client addresses (127.0.1.1, 127.0.1.2, …); prints each distinct answer (status,
 *       Location, body length) with its count.</li>
 *   <li>{@code open BASE TOKEN STATE} and {@code submit BASE STATE} (scripts/cluster-test.sh): a payer opens the
 *       link on one server and keeps its payment page (payer cookie and form fields) in the file STATE; later
 *       the same payer submits that form to another server; prints {@code paid} or what the page said.</li>
 *   <li>{@code smtp PORT DIR}: a mail server that writes each message it accepts to DIR/N.eml; while the file
 *       DIR/reject exists it answers every message with 451 (a temporary failure), so senders retry.</li>
 * </ul>
 */
public class BenchDriver {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "pay" -> pay(args[1], Files.readAllLines(Path.of(args[2])), args[3], args[4], args.length > 5 ? args[5] : args[1]);
            case "sessions" -> sessions(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "latency" -> latency(args[1], args[2], Integer.parseInt(args[3]));
            case "paymany" -> payMany(args[1], Files.readAllLines(Path.of(args[2])), Integer.parseInt(args[3]));
            case "stripemany" -> stripeMany(args[1], args[2], Files.readAllLines(Path.of(args[3])), Integer.parseInt(args[4]));
            case "attack" -> attack(args[1], Files.readAllLines(Path.of(args[2])), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "smtp" -> smtp(Integer.parseInt(args[1]), Path.of(args[2]));
            case "open" -> open(args[1], args[2], Path.of(args[3]));
            case "submit" -> submit(args[1], Path.of(args[2]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static HttpClient client(boolean follow) {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(follow ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    static void pay(String base, List<String> tokens, String user, String password, String payBase) throws Exception {
        HttpClient staff = client(false);
        signIn(staff, base, user, password);
        LinkedBlockingQueue<long[]> pushes = new LinkedBlockingQueue<>();
        WebSocket socket = staff.newWebSocketBuilder()
                .buildAsync(URI.create(base.replaceFirst("^http", "ws") + "/staff/push"), new WebSocket.Listener() {
                    final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            Matcher m = Pattern.compile("\"unread\":(\\d+)").matcher(text);
                            if (m.find()) {
                                pushes.add(new long[]{System.currentTimeMillis(), Long.parseLong(m.group(1))});
                            }
                            text.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        int missing = 0;
        for (String token : tokens) {
            if (token.isBlank()) {
                continue;
            }
            pushes.clear();
            String page = payOnce(payBase, token, "4242424242424242");
            if (!page.contains("id=\"receiptNumber\"")) {
                throw new IllegalStateException("payment with token " + token.substring(0, 8) + "… was not taken");
            }
            long[] push = pushes.poll(10, TimeUnit.SECONDS);
            if (push == null) {
                missing++;
                System.out.println(token + "\t-");
            } else {
                System.out.println(token + "\t" + push[0]);
            }
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        if (missing > 0) {
            System.err.println(missing + " payments without a push within 10 s");
        }
    }

    /** One payer: opens the link, submits the sandbox form; returns the page shown afterwards. */
    static String payOnce(String base, String token, String card) throws Exception {
        HttpClient payer = client(true);
        String page = payer.send(HttpRequest.newBuilder(URI.create(base + "/pay/" + token)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("card", "card");
        form.put("card:csrf", field(page, "card:csrf"));
        form.put("card:requestKey", field(page, "card:requestKey"));
        form.put("card:name", "Bench Payer");
        form.put("card:number", card);
        form.put("card:expiry", "12/39");
        form.put("card:cvc", "123");
        form.put("card:postal", "02139");
        form.put("card:pay", "");
        form.put("jakarta.faces.ViewState", "stateless");
        return payer.send(HttpRequest.newBuilder(URI.create(base + "/checkout/index.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static void open(String base, String token, Path state) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient payer = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String page = payer.send(HttpRequest.newBuilder(URI.create(base + "/pay/" + token)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String cookie = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("PAYLINK_PAYER"))
                .map(java.net.HttpCookie::getValue).findFirst().orElseThrow(() -> new IllegalStateException("no payer cookie"));
        Files.write(state, List.of(cookie, field(page, "card:csrf"), field(page, "card:requestKey")));
    }

    static void submit(String base, Path state) throws Exception {
        List<String> kept = Files.readAllLines(state);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("card", "card");
        form.put("card:csrf", kept.get(1));
        form.put("card:requestKey", kept.get(2));
        form.put("card:name", "Cluster Payer");
        form.put("card:number", "4242424242424242");
        form.put("card:expiry", "12/39");
        form.put("card:cvc", "123");
        form.put("card:postal", "02139");
        form.put("card:pay", "");
        form.put("jakarta.faces.ViewState", "stateless");
        HttpClient payer = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String cookie = "PAYLINK_PAYER=" + kept.get(0);
        HttpResponse<String> answer = payer.send(HttpRequest.newBuilder(URI.create(base + "/checkout/index.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(), HttpResponse.BodyHandlers.ofString());
        String page = answer.body();
        for (int redirects = 0; redirects < 5 && answer.headers().firstValue("Location").isPresent(); redirects++) {
            answer = payer.send(HttpRequest.newBuilder(URI.create(base).resolve(answer.headers().firstValue("Location").get()))
                    .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
            page = answer.body();
        }
        System.out.println(page.contains("id=\"receiptNumber\"") ? "paid" : "not paid: HTTP " + answer.statusCode());
    }

    static void signIn(HttpClient http, String base, String user, String password) throws Exception {
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher viewState = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(login);
        if (!viewState.find()) {
            throw new IllegalStateException("no view state on the login page");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:username", user);
        form.put("login:password", password);
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", viewState.group(1));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 302 && answer.statusCode() != 303) {
            throw new IllegalStateException("sign-in as " + user + " answered " + answer.statusCode());
        }
    }

    static void sessions(String base, String token, int n, int concurrency) throws Exception {
        AtomicInteger redirected = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            clients.add(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()); // no cookies: a new payer each time
        }
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            HttpClient http = clients.get(t);
            pool.submit(() -> {
                while (next.getAndIncrement() < n) {
                    try {
                        int status = http.send(HttpRequest.newBuilder(URI.create(base + "/pay/" + token)).GET().build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == 303 || status == 302 ? redirected : other).incrementAndGet();
                    } catch (IOException | InterruptedException e) {
                        other.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        System.out.printf("%d %d %d%n", redirected.get(), other.get(), (System.nanoTime() - start) / 1_000_000);
    }

    static void latency(String base, String token, int seconds) throws Exception {
        HttpClient http = client(true);
        http.send(HttpRequest.newBuilder(URI.create(base + "/pay/" + token)).GET().build(), HttpResponse.BodyHandlers.discarding());
        List<Long> times = new ArrayList<>();
        int failures = 0;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/checkout/"))
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 || !r.body().contains("id=\"card")) {
                    failures++;
                }
            } catch (IOException e) {
                failures++;
            }
            times.add((System.nanoTime() - start) / 1_000_000);
            Thread.sleep(100);
        }
        times.sort(null);
        System.out.printf("%d %d %d %d%n", times.get(times.size() / 2), times.get((int) Math.ceil(times.size() * 0.99) - 1),
                failures, times.size());
    }

    static void payMany(String base, List<String> tokens, int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (String token : tokens) {
            if (token.isBlank()) {
                continue;
            }
            pool.submit(() -> {
                String outcome;
                try {
                    String page = payOnce(base, token, "4242424242424242");
                    outcome = page.contains("id=\"receiptNumber\"") ? "paid"
                            : page.contains("nothing was charged") ? "refused-busy" : "declined";
                } catch (Exception e) {
                    outcome = "error";
                }
                synchronized (System.out) {
                    System.out.println(token + "\t" + outcome);
                    System.out.flush();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
    }

    /**
     * Payers paying by card through Stripe, {@code concurrency} at a time, as the payment page's script does: open the
     * link, ask Paylink for the intent ({@code POST /checkout/intent}), confirm the card at Stripe (here the local
     * Stripe-compatible server of bench/faults.sh, which then sends its webhook), and come back to the return page.
     * Prints token, intent and outcome: paid (the page showed the receipt), processing (confirmed at Stripe, the
     * page still waiting for it), already-paid, refused (Stripe refused the confirmation) or error (no answer).
     */
    static void stripeMany(String base, String stripe, List<String> tokens, int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (String token : tokens) {
            if (token.isBlank()) {
                continue;
            }
            pool.submit(() -> {
                String intent = "-";
                String outcome;
                try {
                    HttpClient payer = client(true);
                    String page = payer.send(HttpRequest.newBuilder(URI.create(base + "/pay/" + token)).GET().build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    Matcher form = Pattern.compile("data-form=\"([^\"]+)\"").matcher(page);
                    if (!form.find()) {
                        outcome = page.contains("id=\"receiptNumber\"") || page.contains("has been paid") ? "already-paid" : "no-form";
                    } else {
                        HttpResponse<String> answer = payer.send(HttpRequest.newBuilder(URI.create(base + "/checkout/intent"))
                                .header("X-Paylink-Form", form.group(1)).header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("amountChoice=full&amount=")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        Matcher secret = Pattern.compile("\"clientSecret\":\"(pi_[A-Za-z0-9]+)_secret").matcher(answer.body());
                        if (!secret.find()) {
                            outcome = "no-intent-" + answer.statusCode();
                        } else {
                            intent = secret.group(1);
                            int confirmed = payer.send(HttpRequest.newBuilder(URI.create(stripe + "/_payer/confirm/" + intent))
                                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                            if (confirmed != 200) {
                                outcome = "refused";
                            } else {
                                String back = payer.send(HttpRequest.newBuilder(URI.create(base + "/checkout/return.xhtml")).GET().build(),
                                        HttpResponse.BodyHandlers.ofString()).body();
                                outcome = back.contains("id=\"receiptNumber\"") ? "paid" : "processing";
                            }
                        }
                    }
                } catch (Exception e) {
                    outcome = "error";
                }
                synchronized (System.out) {
                    System.out.println(token + "\t" + intent + "\t" + outcome);
                    System.out.flush();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
    }

    static void attack(String base, List<String> tokens, int n, int addresses, int concurrency) throws Exception {
        URI uri = URI.create(base);
        Map<String, AtomicInteger> answers = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        for (int t = 0; t < concurrency; t++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    String token = tokens.get(i % tokens.size());
                    String from = "127.0.1." + (1 + i % addresses);
                    String key;
                    try (java.net.Socket socket = new java.net.Socket()) {
                        socket.bind(new java.net.InetSocketAddress(from, 0));
                        socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
                        socket.setSoTimeout(30_000);
                        socket.getOutputStream().write(("GET /pay/" + token + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                        int headerEnd = response.indexOf("\r\n\r\n");
                        String head = headerEnd < 0 ? response : response.substring(0, headerEnd);
                        String status = head.split(" ", 3).length > 1 ? head.split(" ", 3)[1] : "?";
                        Matcher location = Pattern.compile("(?im)^location: *(.*)$").matcher(head);
                        key = status + " " + (location.find() ? location.group(1).trim() : "-") + " "
                                + (headerEnd < 0 ? 0 : response.length() - headerEnd - 4);
                    } catch (IOException e) {
                        key = "error " + e.getClass().getSimpleName();
                    }
                    answers.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        answers.forEach((k, v) -> System.out.println(v.get() + "\t" + k));
    }

    /** A minimal SMTP server (RFC 5321's happy path): enough for jakarta.mail to hand it messages. */
    static void smtp(int port, Path dir) throws Exception {
        Files.createDirectories(dir);
        AtomicInteger count = new AtomicInteger((int) Files.list(dir).filter(f -> f.toString().endsWith(".eml")).count());
        try (java.net.ServerSocket server = new java.net.ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            ExecutorService pool = Executors.newCachedThreadPool();
            while (true) {
                java.net.Socket socket = server.accept();
                pool.submit(() -> {
                    try (socket; var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                         var out = new java.io.PrintWriter(new java.io.OutputStreamWriter(socket.getOutputStream(), StandardCharsets.ISO_8859_1), true)) {
                        out.print("220 bench smtp\r\n");
                        out.flush();
                        String line;
                        while ((line = in.readLine()) != null) {
                            String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                            switch (verb) {
                                case "EHLO", "HELO" -> out.print("250 bench\r\n");
                                case "DATA" -> {
                                    out.print("354 go on\r\n");
                                    out.flush();
                                    StringBuilder message = new StringBuilder();
                                    while ((line = in.readLine()) != null && !line.equals(".")) {
                                        message.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
                                    }
                                    if (Files.exists(dir.resolve("reject"))) {
                                        out.print("451 try again later\r\n");
                                    } else {
                                        Files.writeString(dir.resolve(count.incrementAndGet() + ".eml"), message, StandardCharsets.ISO_8859_1);
                                        out.print("250 queued\r\n");
                                    }
                                }
                                case "QUIT" -> {
                                    out.print("221 bye\r\n");
                                    out.flush();
                                    return null;
                                }
                                default -> out.print("250 ok\r\n");
                            }
                            out.flush();
                        }
                    }
                    return null;
                });
            }
        }
    }

    static String field(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*value=\"([^\"]*)\"").matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no field " + id + " on the payment page");
        }
        return m.group(1);
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
