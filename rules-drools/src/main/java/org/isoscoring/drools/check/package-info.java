/**
 * The officers' tooling behind {@code check}: reading a guidance's declarations with the line and column of every
 * value ({@link org.isoscoring.drools.check.Descriptor}, {@link org.isoscoring.drools.check.VocabularyCheck}), the
 * static checks of the rule files ({@link org.isoscoring.drools.check.GuidanceCheck}), compile errors in plain words
 * ({@link org.isoscoring.drools.check.CompileErrors}, {@link org.isoscoring.drools.check.Messages}, {@link
 * org.isoscoring.drools.check.Bisect}), and the probes of the bands and ratings that the compiler cannot see
 * ({@link org.isoscoring.drools.check.BandProbe}, {@link org.isoscoring.drools.check.RatingProbe}). Each problem is a
 * {@link org.isoscoring.api.Finding}: {@code file:line:column}, and the message in Vietnamese and in English.
 */
package org.isoscoring.drools.check;
