package org.isoscoring.drools;

/**
 * How many of a district's communes reached the mark, counted once every commune has its final result.
 *
 * @param district  the district
 * @param communes  its communes
 * @param atLeast80 communes whose final total is 80 or more
 */
public record CommuneTally(String district, int communes, int atLeast80) implements Quotable {

    /** {@code atLeast80 / communes}. */
    public Ratio getShare() {
        return new Ratio(atLeast80, communes);
    }

    @Override
    public Object quote(String name) {
        return switch (name) {
            case "communes" -> communes;
            case "atLeast80" -> atLeast80;
            case "share" -> getShare();
            default -> UNKNOWN;
        };
    }
}
