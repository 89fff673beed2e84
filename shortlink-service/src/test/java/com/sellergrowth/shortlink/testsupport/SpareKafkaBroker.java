package com.sellergrowth.shortlink.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A second, real Kafka broker (KRaft, single node) owned by one test, with the scripts' configuration and the same Maven
 * Central jars as the others (`scripts/kafka-broker.sh` fetched them into .local/kafka/libs), so that a test may stop and
 * restart it: the run's broker must never go down under the other tests. Data survives a restart (same directory).
 */
public final class SpareKafkaBroker implements AutoCloseable {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private final Path dir;
  private final int port;
  private Process process;

  public SpareKafkaBroker(Path dir) throws IOException, InterruptedException {
    this.dir = dir;
    this.port = freePort();
    int controller = freePort();
    // the broker configuration the scripts use (scripts/kafka/server.properties), on ports and a directory of its own
    String template = Files.readString(ROOT.resolve("scripts/kafka/server.properties"));
    Files.writeString(dir.resolve("server.properties"), template.replace("@DATA@", dir.resolve("data").toString())
        .replace("@PORT@", Integer.toString(port)).replace("@CPORT@", Integer.toString(controller)));
    Process format = java("kafka.tools.StorageTool", "format", "-t", UUID.randomUUID().toString().replace("-", "").substring(0, 22),
        "-c", dir.resolve("server.properties").toString()).start();
    if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
      throw new IllegalStateException("kafka storage format failed: " + Files.readString(dir.resolve("broker.log")));
    }
  }

  public String bootstrap() {
    return "127.0.0.1:" + port;
  }

  /** Starts the broker and waits (at most 60 s) until it accepts connections. */
  public void start() throws IOException {
    process = java("kafka.Kafka", dir.resolve("server.properties").toString()).start();
    Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
      if (!process.isAlive()) {
        throw new IllegalStateException("the spare broker exited: " + Files.readString(dir.resolve("broker.log")));
      }
      try (Socket s = new Socket("127.0.0.1", port)) {
        return true;
      } catch (IOException notYet) {
        return false;
      }
    });
  }

  /** Stops the broker cleanly (SIGTERM) and waits for it to exit. */
  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  private ProcessBuilder java(String... args) {
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new java.util.ArrayList<>(List.of(javaBin, "-Xms128m", "-Xmx256m",
        "-Dlog4j2.configurationFile=" + ROOT.resolve("scripts/kafka/log4j2.properties"), "-Dkafka.logs.dir=" + dir,
        "-cp", ROOT.resolve(".local/kafka/libs") + "/*"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
