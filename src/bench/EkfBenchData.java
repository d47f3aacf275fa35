import io.github.hdnnpkit.data.Dataset;
import io.github.hdnnpkit.descriptors.SymmetryFunction;
import io.github.hdnnpkit.descriptors.SymmetryFunctionSet;
import io.github.hdnnpkit.descriptors.ThesisSets;
import io.github.hdnnpkit.io.N2p2InputData;
import io.github.hdnnpkit.io.N2p2InputNn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * For src/bench/ekf-vs-n2p2.sh: writes the kit's data set (1000 K left out, as `hdnnp train` does) in n2p2's
 * input.data and the set's symfunction_short lines, with the kit's own n2p2 writers.
 * Usage (source launcher): java -cp CP src/bench/EkfBenchData.java DATA_DIR SET OUT_DIR
 */
public class EkfBenchData {
    public static void main(String[] a) throws Exception {
        Path out = Path.of(a[2]);
        Files.createDirectories(out);
        Dataset ds = Dataset.load(Path.of(a[0])).withoutLabelsPresent(List.of("1000K"));
        N2p2InputData.write(out.resolve("input.data"), ds.configurations());
        SymmetryFunctionSet set = ThesisSets.byName(a[1]);
        Files.writeString(out.resolve("symfunctions.txt"),
                set.functions().stream().map(N2p2InputNn::line).collect(Collectors.joining("\n", "", "\n")));
        System.out.println(ds.configurations().size() + " configurations, " + set.size() + " functions -> " + out);
    }
}
