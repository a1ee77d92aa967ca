package org.isoscoring.drools;

import java.math.BigDecimal;
import java.util.List;

/**
 * The settled awards of an assessment: those of rules that match assessments only, which nothing can take back
 * ({@link Settled}). They are kept on the assessment while those rules fire, and enter the working memory as this
 * one fact once they all have; the rule of the subtotal adds the assessment's other awards, the {@link Award}
 * facts of rules that match derived facts (a district's 15.1 and 15.2).
 *
 * @param sheet  the assessment
 * @param count  the number of settled awards
 * @param points their points, added up
 */
public record Tally(BaseSheet sheet, int count, BigDecimal points) {

    /** The tally of the awards given to {@code sheet} so far. */
    static Tally of(BaseSheet sheet) {
        List<Award> given = sheet.given();
        BigDecimal points = BigDecimal.ZERO;
        for (Award a : given) {
            points = points.add(a.points());
        }
        return new Tally(sheet, given.size(), points);
    }
}
