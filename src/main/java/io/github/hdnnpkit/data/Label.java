package io.github.hdnnpkit.data;

import io.github.hdnnpkit.io.InputFormatException;
import io.github.hdnnpkit.io.TextFiles;
import io.github.hdnnpkit.notebook.Workspace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One temperature series of the data set (the thesis's {@code config_type}, e.g. {@code 300K}, {@code 1500KH},
 * {@code 700KS}): its temperature, phase, pressure and the protocol that produced it. The 22 series and their
 * meaning are documented in {@code data/labels.tsv}.
 *
 * @param name        the series name as the thesis writes it
 * @param temperature kelvin
 * @param phase       solid, liquid or supercooled
 * @param pressureBar target pressure of the NPT stages, bar
 * @param protocol    how the series is made: {@code crystal}, {@code melt-cool} or {@code melt-quench}
 * @param description one sentence for tables
 */
public record Label(String name, double temperature, Phase phase, double pressureBar, String protocol, String description) {
    public static final String FILE_NAME = "labels.tsv";
    public static final List<String> PROTOCOLS = List.of("crystal", "melt-cool", "melt-quench");

    public Label {
        Objects.requireNonNull(name);
        Objects.requireNonNull(phase);
        Objects.requireNonNull(description);
        if (name.isBlank() || !name.matches("[A-Za-z0-9_.-]+"))
            throw new IllegalArgumentException("label name '" + name + "' must be letters, digits, '_', '.', '-'");
        if (!(temperature > 0)) throw new IllegalArgumentException("label " + name + ": temperature must be > 0 K, got " + temperature);
        if (!PROTOCOLS.contains(protocol))
            throw new IllegalArgumentException("label " + name + ": protocol must be one of " + PROTOCOLS + ", got " + protocol);
        if ((phase == Phase.SOLID) != protocol.equals("crystal"))
            throw new IllegalArgumentException("label " + name + ": a " + phase + " series cannot come from protocol " + protocol);
    }

    /** The 22 series of the thesis, from {@code data/labels.tsv} of the project. */
    public static List<Label> thesis() {
        return read(Workspace.data().resolve(FILE_NAME));
    }

    /** Reads a label table (tab-separated, header {@code label temperature_K phase pressure_bar protocol description}). */
    public static List<Label> read(Path file) {
        List<Label> out = new ArrayList<>();
        try (BufferedReader r = TextFiles.reader(file)) {
            String header = r.readLine();
            String expected = "label\ttemperature_K\tphase\tpressure_bar\tprotocol\tdescription";
            if (header == null || !header.equals(expected))
                throw new InputFormatException(file, 1, "expected the header '" + expected.replace("\t", "<TAB>") + "'");
            String line;
            long no = 1;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] t = line.split("\t", -1);
                if (t.length != 6) throw new InputFormatException(file, no, "expected 6 tab-separated columns, found " + t.length);
                try {
                    Label l = new Label(t[0].trim(), Double.parseDouble(t[1]), Phase.parse(t[2]), Double.parseDouble(t[3]), t[4].trim(), t[5].trim());
                    if (out.stream().anyMatch(o -> o.name.equals(l.name)))
                        throw new IllegalArgumentException("label " + l.name + " appears twice");
                    out.add(l);
                } catch (IllegalArgumentException e) {
                    throw new InputFormatException(file, no, e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the label table " + file + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) throw new InputFormatException(file, 0, "no labels");
        return List.copyOf(out);
    }

    /** The label of this name in the list, or an error listing the known names. */
    public static Label named(List<Label> labels, String name) {
        return labels.stream().filter(l -> l.name.equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown label '" + name + "'; known: " + labels.stream().map(Label::name).toList()));
    }
}
