package org.isoscoring.api.spi;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A map of points by sub-criterion, in the order given: see {@link ResultParts#pointsInOrder}. It shares the
 * (immutable) list of sub-criteria with every other map made from that list, and keeps its points in an array,
 * instead of a hash map per assessment. It is never changed; {@link org.isoscoring.api.AssessmentResult} shows it
 * through {@link java.util.Collections#unmodifiableMap}, as any other points map, so every change is refused the
 * same way.
 */
final class PointsInOrder extends AbstractMap<String, BigDecimal> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The last list of sub-criteria found without a duplicate: every assessment of a call has the same one. */
    private static volatile List<String> checked;

    private final List<String> criteria;
    private final BigDecimal[] points;

    PointsInOrder(List<String> criteria, BigDecimal[] points) {
        this.criteria = List.copyOf(criteria); // the same list when it is already an immutable one
        this.points = points.clone();
        if (this.criteria.size() != this.points.length) {
            throw new IllegalArgumentException(this.criteria.size() + " sub-criteria but " + this.points.length
                    + " points");
        }
        for (int i = 0; i < this.points.length; i++) {
            int at = i;
            Objects.requireNonNull(this.points[i], () -> "points of " + this.criteria.get(at));
        }
        if (this.criteria != checked) {
            if (new HashSet<>(this.criteria).size() != this.criteria.size()) {
                throw new IllegalArgumentException("a sub-criterion is given twice: " + this.criteria);
            }
            checked = this.criteria;
        }
    }

    @Override
    public BigDecimal get(Object key) {
        int i = key == null ? -1 : criteria.indexOf(key);
        return i < 0 ? null : points[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return key != null && criteria.contains(key);
    }

    @Override
    public int size() {
        return points.length;
    }

    @Override
    public Set<Entry<String, BigDecimal>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, BigDecimal>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < points.length;
                    }

                    @Override
                    public Entry<String, BigDecimal> next() {
                        if (next >= points.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(criteria.get(i), points[i]);
                    }
                };
            }

            @Override
            public int size() {
                return points.length;
            }
        };
    }
}
