package org.isoscoring.api;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * An immutable list of explanations, each made the first time it is read and kept: see
 * {@link Explanation#madeOnRead}. Safe to read from several threads; two threads reading one element for the
 * first time at once may each make it, and get equal explanations.
 */
final class ExplanationsOnRead extends AbstractList<Explanation> implements RandomAccess {

    private final IntFunction<Explanation> make;
    private final Explanation[] made;

    ExplanationsOnRead(int size, IntFunction<Explanation> make) {
        if (size < 0) {
            throw new IllegalArgumentException("size " + size + " is negative");
        }
        this.make = Objects.requireNonNull(make, "make");
        this.made = new Explanation[size];
    }

    @Override
    public Explanation get(int index) {
        Objects.checkIndex(index, made.length);
        Explanation e = made[index];
        if (e == null) { // an Explanation's fields are final: one made by another thread is seen whole
            e = Objects.requireNonNull(make.apply(index), "explanation");
            made[index] = e;
        }
        return e;
    }

    @Override
    public int size() {
        return made.length;
    }
}
