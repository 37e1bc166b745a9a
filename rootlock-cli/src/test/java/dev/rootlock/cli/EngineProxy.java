package dev.rootlock.cli;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Docker engine that can disappear: a unix-socket proxy on a socket of the test's own in front of
 * the real engine's socket. {@link #kill()} closes the listening socket and every connection at
 * once, as a dockerd that died would, without touching the shared dockerd.
 */
final class EngineProxy implements AutoCloseable {

  private final Path socket;
  private final UnixDomainSocketAddress engine;
  private final ServerSocketChannel server;
  private final List<SocketChannel> open = new CopyOnWriteArrayList<>();

  private EngineProxy(Path socket, Path engineSocket) throws IOException {
    this.socket = socket;
    this.engine = UnixDomainSocketAddress.of(engineSocket);
    Files.deleteIfExists(socket);
    this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    Thread.ofVirtual().name("engine-proxy-accept").start(this::accept);
  }

  /** A proxy listening on {@code socket} for the engine at /var/run/docker.sock. */
  static EngineProxy start(Path socket) throws IOException {
    return new EngineProxy(socket, Path.of("/var/run/docker.sock"));
  }

  /** The DOCKER_HOST value that reaches the engine through this proxy. */
  String dockerHost() {
    return "unix://" + socket;
  }

  private void accept() {
    while (server.isOpen()) {
      try {
        SocketChannel client = server.accept();
        SocketChannel upstream = SocketChannel.open(engine);
        open.add(client);
        open.add(upstream);
        Thread.ofVirtual().start(() -> pump(client, upstream));
        Thread.ofVirtual().start(() -> pump(upstream, client));
      } catch (IOException e) {
        return; // killed
      }
    }
  }

  private static void pump(SocketChannel from, SocketChannel to) {
    ByteBuffer buffer = ByteBuffer.allocate(64 << 10);
    try {
      while (from.read(buffer) >= 0) {
        buffer.flip();
        while (buffer.hasRemaining()) {
          to.write(buffer);
        }
        buffer.clear();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      // One side closed (or the proxy was killed): the other side sees it as a reset.
    }
  }

  /** The engine is gone: no new connection is accepted and every open one is cut. */
  void kill() throws IOException {
    server.close();
    for (SocketChannel channel : open) {
      channel.close();
    }
    Files.deleteIfExists(socket);
  }

  @Override
  public void close() throws IOException {
    kill();
  }
}
