package org.isoscoring.api.spi;

import org.isoscoring.api.Explanation;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * An immutable list of explanations, each made the first time it is read and kept: see
 * {@link ResultParts#explanationsOnRead}. Safe to read from several threads: two threads reading one element for the
 * first time at once may each make it, and both get the one that was kept. Once every element is made, the list lets
 * go of {@code make} (and of what it holds, such as the engine's awards).
 */
final class ExplanationsOnRead extends AbstractList<Explanation> implements RandomAccess {

    private final AtomicReferenceArray<Explanation> made;
    private final AtomicInteger unmade;
    private volatile IntFunction<Explanation> make;

    ExplanationsOnRead(int size, IntFunction<Explanation> make) {
        if (size < 0) {
            throw new IllegalArgumentException("size " + size + " is negative");
        }
        this.made = new AtomicReferenceArray<>(size);
        this.unmade = new AtomicInteger(size);
        Objects.requireNonNull(make, "make");
        this.make = size == 0 ? null : make;
    }

    @Override
    public Explanation get(int index) {
        Objects.checkIndex(index, made.length());
        Explanation e = made.get(index);
        if (e != null) {
            return e;
        }
        IntFunction<Explanation> maker = make;
        if (maker == null) { // every element was made (and kept) before make was let go
            return made.get(index);
        }
        Explanation fresh = Objects.requireNonNull(maker.apply(index), "explanation");
        if (made.compareAndSet(index, null, fresh)) {
            if (unmade.decrementAndGet() == 0) {
                make = null;
            }
            return fresh;
        }
        return made.get(index);
    }

    @Override
    public int size() {
        return made.length();
    }
}
