package io.newsflow.ingest.security;

/** Counts the articles of an NDJSON batch as the endpoint does: the lines holding anything but whitespace. */
final class BatchLines {

    private BatchLines() {
    }

    static long count(byte[] body) {
        long lines = 0;
        boolean content = false;
        for (byte b : body) {
            if (b == '\n' || b == '\r') {
                if (content) {
                    lines++;
                }
                content = false;
            } else if (b != ' ' && b != '\t' && b != '\f' && b != 0x0B) {
                content = true;
            }
        }
        return content ? lines + 1 : lines;
    }
}
