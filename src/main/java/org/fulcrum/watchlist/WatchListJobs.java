package org.fulcrum.watchlist;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.fulcrum.error.NotFoundException;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;

/**
 * Watch lists run as jobs, one at a time (each already uses every core): the API waits for the
 * answer up to {@value #WAIT_SECONDS_MAX} s and otherwise answers with the job's status URL. The
 * last {@value #KEPT} jobs are kept in memory.
 */
@Component
class WatchListJobs {

  static final int WAIT_SECONDS_MAX = 55;
  static final int KEPT = 20;

  private final WatchListService service;
  private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "watch-list-job");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final Deque<String> order = new ArrayDeque<>();

  WatchListJobs(WatchListService service) {
    this.service = service;
  }

  /** One job: its request, progress and outcome. */
  static final class Job {
    final String id = UUID.randomUUID().toString();
    final WatchListService.Request request;
    final CompletableFuture<Object> result = new CompletableFuture<>();
    volatile int done;
    volatile int total;
    volatile String last;

    Job(WatchListService.Request request) {
      this.request = request;
    }
  }

  /**
   * @param status {@code queued}, {@code running}, {@code done} or {@code failed}
   * @param error what went wrong, for a failed job
   * @param result the list (or the history of lists), once done
   */
  record Status(String id, String status, int done, int total, String lastCountry, String error,
      String statusUrl, Object result) {}

  Job start(WatchListService.Request request) {
    return start(request, null);
  }

  /** A job for one year's list, or with {@code years} ({from, to}) for the history. */
  Job start(WatchListService.Request request, int[] years) {
    Job job = new Job(request);
    synchronized (order) {
      jobs.put(job.id, job);
      order.addLast(job.id);
      while (order.size() > KEPT) {
        jobs.remove(order.removeFirst());
      }
    }
    runner.execute(new DelegatingSecurityContextRunnable(() -> {
      try {
        WatchListService.Progress progress = (done, total, country) -> {
          job.total = total;
          job.done = done;
          if (country != null) {
            job.last = country;
          }
        };
        job.result.complete(years == null ? service.run(request, null, progress)
            : service.history(request, years[0], years[1], null, progress));
      } catch (RuntimeException | Error e) {
        job.result.completeExceptionally(e);
      }
    }));
    return job;
  }

  /**
   * The job's status after waiting up to {@code seconds} for it; a job that failed within the wait
   * rethrows its error, so a bad request is answered as one.
   */
  Status await(Job job, int seconds) {
    try {
      job.result.get(seconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return status(job);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return status(job);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
    return status(job);
  }

  Status status(String id) {
    Job job = jobs.get(id);
    if (job == null) {
      throw new NotFoundException("no watch-list job '" + id + "' (the last " + KEPT
          + " jobs are kept)");
    }
    return status(job);
  }

  private Status status(Job job) {
    String url = "/api/watch-list/jobs/" + job.id;
    if (job.result.isDone()) {
      try {
        return new Status(job.id, "done", job.total, job.total, job.last, null, url,
            job.result.join());
      } catch (RuntimeException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return new Status(job.id, "failed", job.done, job.total, job.last, cause.getMessage(), url,
            null);
      }
    }
    return new Status(job.id, job.total == 0 ? "queued" : "running", job.done, job.total,
        job.last, null, url, null);
  }
}
