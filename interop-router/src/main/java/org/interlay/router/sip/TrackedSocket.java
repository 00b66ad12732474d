package org.interlay.router.sip;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import org.interlay.time.Clock;

/** A TCP connection that remembers when it last carried a byte either way (to close the one silent longest first). */
final class TrackedSocket extends Socket {
    private final Clock clock;
    private volatile long lastActivityMillis;
    private InputStream in;
    private OutputStream out;

    TrackedSocket(Clock clock) {
        this.clock = clock;
        this.lastActivityMillis = clock.nowMillis();
    }

    long lastActivityMillis() {
        return lastActivityMillis;
    }

    private void touch() {
        lastActivityMillis = clock.nowMillis();
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (in == null) {
            in = new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) touch();
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) touch();
                    return n;
                }
            };
        }
        return in;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (out == null) {
            out = new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(byte[] buffer, int offset, int length) throws IOException {
                    touch();
                    this.out.write(buffer, offset, length);
                }
            };
        }
        return out;
    }
}
