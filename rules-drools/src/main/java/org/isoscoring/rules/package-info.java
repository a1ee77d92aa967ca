/**
 * What a guidance's rule file may import, and nothing else: the functions a consequence calls ({@link
 * org.isoscoring.rules.Awards#award award}, {@code penalize}, {@code rate}, {@code report}, {@link
 * org.isoscoring.rules.Counting#ceilDiv ceilDiv}), the exact {@link org.isoscoring.rules.Ratio}, and the facts the
 * engine derives for every guidance ({@link org.isoscoring.rules.Subtotal}, {@link org.isoscoring.rules.Penalty},
 * {@link org.isoscoring.rules.Rated}). The facts of a guidance's own vocabulary ({@code Sheet}, its enums,
 * {@code Total}, …) are written from its declarations into the rules' package, so a rule file imports none of them.
 */
package org.isoscoring.rules;
