package org.fulcrum.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded closed-loop load generator for the analysis endpoints on the Darfur case: the answers
 * are first taken single-threaded, then {@code clients} threads send the same requests in turn for
 * {@code duration} and every answer is compared byte for byte with the single-threaded one. A
 * writer meanwhile replaces one source of the case every {@code writeEvery}, which invalidates the
 * case's snapshots while they are being read (sources do not change any analysis' answer). It
 * stops by itself, and sends only to the loopback address.
 */
public final class AnalysisLoad {

  public static final String CASE = "/api/cases/darfur-2003-2008";

  /** The requests, named as in the figures. */
  public static final Map<String, String> REQUESTS = new LinkedHashMap<>();

  static {
    REQUESTS.put("paths", CASE + "/paths?from=usa&to=bashir&k=5");
    REQUESTS.put("influence", CASE + "/influence?target=sdn-gov&samples=2000&seed=42");
    REQUESTS.put("patrons", CASE + "/patrons?target=bashir&engager=usa");
    REQUESTS.put("chokepoints", CASE + "/chokepoints?to=janjaweed");
    REQUESTS.put("centrality", CASE + "/centrality?measure=betweenness");
    REQUESTS.put("forum-shopping", CASE + "/forum-shopping?target=bashir&engager=usa");
    REQUESTS.put("playbook", CASE + "/playbook?engager=usa&target=bashir");
  }

  /** What a run measured. Latencies in milliseconds. */
  public record Result(int clients, double seconds, long requests, long errors, long wrongAnswers,
      long writes, double throughput, double p50, double p99, double max,
      Map<String, double[]> perEndpoint, List<String> firstProblems) {

    public String report() {
      StringBuilder out = new StringBuilder(String.format(
          "%d clients, %.1f s: %d requests, %.1f req/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
              + " %d errors, %d wrong answers; %d writes%n",
          clients, seconds, requests, throughput, p50, p99, max, errors, wrongAnswers, writes));
      perEndpoint.forEach((name, q) -> out.append(String.format(
          "  %-15s n=%6d  p50 %7.1f ms  p99 %7.1f ms%n", name, (long) q[0], q[1], q[2])));
      firstProblems.forEach(p -> out.append("  problem: ").append(p).append('\n'));
      return out.toString();
    }
  }

  private AnalysisLoad() {}

  public static Result run(int port, int clients, Duration duration, Duration writeEvery)
      throws Exception {
    String base = "http://127.0.0.1:" + port;
    HttpClient single = HttpClient.newHttpClient();
    // sign in once with the admin's password and use a personal API token from then on: a token is
    // checked by one SHA-256 lookup, where a password costs a bcrypt comparison per request
    var issued = single.send(HttpRequest.newBuilder(URI.create(base + "/api/users/me/tokens"))
        .header("Authorization", org.fulcrum.TestStores.admin()).header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString("{\"name\": \"load\"}")).build(), BodyHandlers.ofString());
    if (issued.statusCode() != 201) {
      throw new IllegalStateException("cannot get an API token: " + issued.statusCode() + " " + issued.body());
    }
    String token = "Bearer " + tools.jackson.databind.json.JsonMapper.builder().build().readTree(issued.body())
        .get("token").asString();
    Map<String, String> expected = new LinkedHashMap<>();
    for (var r : REQUESTS.entrySet()) {
      var answer = single.send(HttpRequest.newBuilder(URI.create(base + r.getValue()))
          .header("Authorization", token).build(),
          BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(r.getKey() + " answered " + answer.statusCode() + ": " + answer.body());
      }
      expected.put(r.getKey(), answer.body());
    }
    List<String> names = List.copyOf(REQUESTS.keySet());
    AtomicLong errors = new AtomicLong();
    AtomicLong wrong = new AtomicLong();
    AtomicLong writes = new AtomicLong();
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    List<List<long[]>> samples = new ArrayList<>(); // per client: {endpoint index, nanos}
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    CountDownLatch done = new CountDownLatch(clients + 1);
    for (int c = 0; c < clients; c++) {
      List<long[]> mine = new ArrayList<>();
      samples.add(mine);
      int offset = c;
      start(() -> {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
          for (int i = offset; System.nanoTime() < end; i++) {
            int which = i % names.size();
            long t0 = System.nanoTime();
            try {
              var answer = http.send(HttpRequest.newBuilder(URI.create(base + REQUESTS.get(names.get(which))))
                  .header("Authorization", token).timeout(Duration.ofSeconds(60)).build(), BodyHandlers.ofString());
              mine.add(new long[] {which, System.nanoTime() - t0});
              if (answer.statusCode() != 200) {
                errors.incrementAndGet();
                note(problems, names.get(which) + " " + answer.statusCode() + " " + answer.body());
              } else if (!answer.body().equals(expected.get(names.get(which)))) {
                wrong.incrementAndGet();
                note(problems, names.get(which) + " answered differently: " + answer.body());
              }
            } catch (Exception e) {
              errors.incrementAndGet();
              note(problems, names.get(which) + " " + e);
            }
          }
        } finally {
          done.countDown();
        }
      }, "load-client-" + c);
    }
    start(() -> {
      HttpClient http = HttpClient.newHttpClient();
      try {
        while (System.nanoTime() < end) {
          String body = "{\"citation\": \"load test write " + writes.get() + "\"}";
          // replacing needs the version read: GET it, then PUT with If-Match (none while absent)
          var current = http.send(HttpRequest.newBuilder(URI.create(base + CASE + "/sources/s-load"))
              .header("Authorization", token).build(), BodyHandlers.ofString());
          var put = HttpRequest.newBuilder(URI.create(base + CASE + "/sources/s-load"))
              .header("Authorization", token).header("Content-Type", "application/json");
          current.headers().firstValue("ETag").filter(e -> current.statusCode() == 200)
              .ifPresent(etag -> put.header("If-Match", etag));
          var answer = http.send(put.PUT(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
          if (answer.statusCode() == 200) {
            writes.incrementAndGet();
          } else {
            errors.incrementAndGet();
            note(problems, "write " + answer.statusCode() + " " + answer.body());
          }
          Thread.sleep(writeEvery.toMillis());
        }
      } catch (Exception e) {
        errors.incrementAndGet();
        note(problems, "write " + e);
      } finally {
        done.countDown();
      }
    }, "load-writer");
    done.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    List<long[]> all = samples.stream().flatMap(List::stream).toList();
    double[] millis = all.stream().mapToDouble(s -> s[1] / 1e6).sorted().toArray();
    Map<String, double[]> per = new LinkedHashMap<>();
    for (int e = 0; e < names.size(); e++) {
      int which = e;
      double[] m = all.stream().filter(s -> s[0] == which).mapToDouble(s -> s[1] / 1e6).sorted().toArray();
      per.put(names.get(e), new double[] {m.length, quantile(m, 0.5), quantile(m, 0.99)});
    }
    return new Result(clients, seconds, millis.length, errors.get(), wrong.get(), writes.get(),
        millis.length / seconds, quantile(millis, 0.5), quantile(millis, 0.99),
        millis.length == 0 ? 0 : millis[millis.length - 1], per, problems.stream().limit(5).toList());
  }

  private static void start(Runnable body, String name) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void note(ConcurrentLinkedQueue<String> problems, String problem) {
    if (problems.size() < 20) {
      problems.add(problem.length() > 300 ? problem.substring(0, 300) + "..." : problem);
    }
  }

  /** Nearest-rank quantile of sorted values. */
  static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static int intArg(String[] args, String name, int fallback) {
    int i = Arrays.asList(args).indexOf(name);
    return i >= 0 && i + 1 < args.length ? Integer.parseInt(args[i + 1]) : fallback;
  }
}
