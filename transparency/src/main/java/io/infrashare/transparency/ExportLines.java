package io.infrashare.transparency;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** The lines of an export as the bytes they hold, without their newline, read through a buffer of its own. */
final class ExportLines {

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[1024];

    ExportLines(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end; a last line without its newline is a line too. */
    byte[] next() throws IOException {
        int length = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return length == 0 ? null : Arrays.copyOf(line, length);
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int chunk = position - start;
            if (length + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
            }
            System.arraycopy(buffer, start, line, length, chunk);
            length += chunk;
            if (position < limit) {
                position++;
                return Arrays.copyOf(line, length);
            }
        }
    }
}
