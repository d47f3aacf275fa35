package io.github.hdnnpkit.model.backend;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.memory.AbstractMemoryMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.BaseNDArray;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A SameDiff session memory manager that recycles every array of one execution for the next one.
 *
 * <p>Why: ND4J 1.0.0-M2.1's session releases almost none of the activations and gradients of a training step to its
 * array cache (measured: 3 of ~40 arrays per batch; twelve [rows, 10] activations and the [rows, inputs] input
 * gradient stay out), so every batch allocated some 12 MB of fresh native memory for 57 inputs, zero-filled page by
 * page and freed only when the Java GC got round to it; page faults were the largest item of the profile. The
 * engine runs one execution at a time and is done with its outputs (loss, gradients, energies) before it starts the
 * next, so at {@link #recycle()} every array handed out since the last recycle may be reused, shape for shape.
 * Arrays the session releases early are reused within the execution, as SameDiff intends.
 */
final class Dl4jArrayPool extends AbstractMemoryMgr {
    private static final int MAX_SHAPES = 256;
    private final Map<String, ArrayDeque<INDArray>> free = new HashMap<>();
    private final IdentityHashMap<INDArray, Boolean> inUse = new IdentityHashMap<>();

    /**
     * Installs a pool in the calling thread's session of {@code sd} (SameDiff keeps one session per thread and
     * creates it on the first execution), or returns the pool already installed; null if there is no session yet.
     */
    static Dl4jArrayPool of(SameDiff sd) {
        InferenceSession s = sd.getSessions().get(Thread.currentThread().getId());
        if (s == null) return null;
        if (s.getMmgr() instanceof Dl4jArrayPool p) return p;
        Dl4jArrayPool p = new Dl4jArrayPool();
        s.setMmgr(p);
        return p;
    }

    private static String key(DataType type, char order, long[] shape) {
        return type.name() + order + Arrays.toString(shape);
    }

    private INDArray take(DataType type, char order, long[] shape) {
        ArrayDeque<INDArray> q = free.get(key(type, order, shape));
        INDArray a = q == null ? null : q.poll();
        if (a == null || a.wasClosed()) {
            a = Nd4j.createUninitializedDetached(type, order, shape);
        } else if (a instanceof BaseNDArray b) {
            b.assignNewId();     // SameDiff tracks some arrays by id; a reused array is a new one to it
        }
        inUse.put(a, Boolean.TRUE);
        return a;
    }

    @Override
    public INDArray allocate(boolean detached, DataType dataType, long... shape) {
        return take(dataType, Nd4j.order(), shape);
    }

    @Override
    public INDArray allocate(boolean detached, LongShapeDescriptor descriptor) {
        if (descriptor.isEmpty()) return Nd4j.create(descriptor);     // empty arrays hold no buffer: nothing to reuse
        return take(descriptor.dataType(), descriptor.getOrder(), descriptor.getShape());
    }

    @Override
    public void release(INDArray array) {
        if (inUse.remove(array) == null) return;     // not ours (or already released): leave it alone
        free.computeIfAbsent(key(array.dataType(), array.ordering(), array.shape()), k -> new ArrayDeque<>()).add(array);
    }

    /** Marks every array handed out since the last call as free; call once the execution's outputs are used. */
    void recycle() {
        if (free.size() > MAX_SHAPES) free.clear();     // many batch shapes (ragged data): keep memory bounded
        for (INDArray a : inUse.keySet())
            free.computeIfAbsent(key(a.dataType(), a.ordering(), a.shape()), k -> new ArrayDeque<>()).add(a);
        inUse.clear();
    }

    @Override
    public void close() {
        free.clear();
        inUse.clear();
    }
}
