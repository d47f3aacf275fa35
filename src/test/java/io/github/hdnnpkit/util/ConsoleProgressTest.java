package io.github.hdnnpkit.util;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

class ConsoleProgressTest {
    @Test
    void anUnknownTotalShowsACountAndARateNotAFakeTotal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        p.start("stream", -1);
        for (int i = 1; i <= 5; i++) p.update(i, null);
        p.finish("5 items");
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(out.contains("/-1"), out);
        assertTrue(out.matches("(?s)stream: 1 done, [0-9.]+/s, .*"), out);   // the first update is shown at once
        assertTrue(out.contains("stream: done in"), out);
        assertTrue(out.contains("5 items"), out);
    }

    @Test
    void aKnownTotalShowsTheFraction() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        p.start("file", 4);
        for (int i = 1; i <= 4; i++) p.update(i, null);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("4/4"), out);
    }
}
