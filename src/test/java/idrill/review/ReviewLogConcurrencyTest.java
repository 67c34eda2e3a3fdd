package idrill.review;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewLogConcurrencyTest {
  private static final int PER_WRITER = 60;
  private final List<Process> children = new ArrayList<>();
  private static final Pattern LINE = Pattern.compile("2026-11-25T17:\\d\\d:\\d\\d\\.\\d{3}Z\t(\\w+)\tgood\t(\\d+)");

  /** A separate JVM for the test below: prints "ready", waits for the go file, appends n events as writer name. */
  public static final class Appender {
    public static void main(String[] args) throws Exception {
      System.out.println("ready");
      System.out.flush();
      run(Path.of(args[0]), args[1], Integer.parseInt(args[2]), Path.of(args[3]));
    }

    static void run(Path dataDir, String name, int n, Path go) throws IOException, InterruptedException {
      while (!Files.exists(go)) Thread.sleep(1);
      ReviewLog log = new ReviewLog(dataDir);
      Instant base = Instant.parse("2026-11-25T17:00:00Z");
      for (int i = 0; i < n; i++) log.append(new Review(base.plusMillis(i), name, Grade.GOOD, i));
    }
  }

  /** A separate JVM that takes the log's file lock, prints "locked", and keeps it until the go file exists. */
  public static final class LockHolder {
    public static void main(String[] args) throws Exception {
      Path file = Path.of(args[0]);
      Files.createDirectories(file.getParent());
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
          FileLock lock = ch.lock()) {
        System.out.println("locked");
        System.out.flush();
        while (!Files.exists(Path.of(args[1]))) Thread.sleep(1);
      }
    }
  }

  @Test
  void appendWaitsWhileAnotherProcessHoldsTheFileLock(@TempDir Path tmp) throws Exception {
    Path data = tmp.resolve("data");
    Path go = tmp.resolve("go");
    Process holder = javaProcess(LockHolder.class, data.resolve(ReviewLog.FILE_NAME).toString(), go.toString());
    BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), UTF_8));
    assertEquals("locked", out.readLine());
    Thread writer = writerThread(data, "t0", Files.createFile(tmp.resolve("start")));
    writer.join(500);
    assertTrue(writer.isAlive(), "append blocked by the other process's lock");
    assertEquals(0, Files.size(data.resolve(ReviewLog.FILE_NAME)));
    Files.createFile(go);
    writer.join(60_000);
    assertTrue(holder.waitFor(60, TimeUnit.SECONDS));
    assertAllWritten(data, List.of("t0"));
  }

  @Test
  void threadsOfOneProcessTakeTurns(@TempDir Path tmp) throws Exception {
    Path go = Files.createFile(tmp.resolve("go"));
    Path data = tmp.resolve("data");
    // different spellings of one directory must still share the in-process lock
    List<Thread> threads = List.of(
        writerThread(data, "t0", go), writerThread(data.resolve("."), "t1", go), writerThread(data, "t2", go));
    for (Thread t : threads) t.join(60_000);
    assertAllWritten(data, List.of("t0", "t1", "t2"));
  }

  @Test
  void twoProcessesAndTwoThreadsInterleaveWholeLines(@TempDir Path tmp) throws Exception {
    Path go = tmp.resolve("go");
    Path data = tmp.resolve("data");
    List<Process> processes = new ArrayList<>();
    for (String name : List.of("p0", "p1")) {
      processes.add(javaProcess(Appender.class, data.toString(), name, String.valueOf(PER_WRITER), go.toString()));
    }
    List<BufferedReader> outputs = new ArrayList<>();
    for (Process p : processes) {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), UTF_8));
      assertEquals("ready", out.readLine());
      outputs.add(out);
    }
    List<Thread> threads = List.of(writerThread(data, "t0", go), writerThread(data, "t1", go));
    Files.createFile(go);
    for (Thread t : threads) t.join(60_000);
    for (int i = 0; i < processes.size(); i++) {
      Process p = processes.get(i);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "appender process finished");
      StringBuilder rest = new StringBuilder();
      for (String l; (l = outputs.get(i).readLine()) != null; ) rest.append(l).append('\n');
      assertEquals(0, p.exitValue(), rest.toString());
    }
    assertAllWritten(data, List.of("p0", "p1", "t0", "t1"));
  }

  private static Thread writerThread(Path data, String name, Path go) {
    Thread t = new Thread(() -> {
      try {
        Appender.run(data, name, PER_WRITER, go);
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
    // a failing writer leaves its events missing, which assertAllWritten reports
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void assertAllWritten(Path data, List<String> writers) throws IOException {
    String text = Files.readString(data.resolve(ReviewLog.FILE_NAME), UTF_8);
    assertTrue(text.endsWith("\n"));
    String[] lines = text.split("\n", -1);
    assertEquals(ReviewLog.HEADER, lines[0]);
    assertEquals(1 + writers.size() * PER_WRITER + 1, lines.length, "header + every event + the empty tail");
    Map<String, boolean[]> seen = new HashMap<>();
    for (String w : writers) seen.put(w, new boolean[PER_WRITER]);
    for (int i = 1; i < lines.length - 1; i++) {
      var m = LINE.matcher(lines[i]);
      assertTrue(m.matches(), "line " + (i + 1) + " whole: " + lines[i]);
      boolean[] mine = seen.get(m.group(1));
      int n = Integer.parseInt(m.group(2));
      assertTrue(!mine[n], "no duplicate " + lines[i]);
      mine[n] = true;
    }
    List<String> warnings = new ArrayList<>();
    assertEquals(writers.size() * PER_WRITER, new ReviewLog(data).readEvents(warnings::add).size());
    assertEquals(List.of(), warnings);
  }

  @AfterEach
  void stopChildren() {
    // a failed assertion must not leave a child waiting for its go file forever
    for (Process p : children) p.destroyForcibly();
  }

  private Process javaProcess(Class<?> main, String... args) throws IOException, URISyntaxException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classes(ReviewLog.class) + File.pathSeparator + classes(ReviewLogConcurrencyTest.class), main.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    children.add(p);
    return p;
  }

  private static String classes(Class<?> c) throws URISyntaxException {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
