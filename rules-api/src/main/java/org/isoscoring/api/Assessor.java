package org.isoscoring.api;

/** Who scored an assessment. The final result of an agency is the one by the highest assessor present. */
public enum Assessor {
    /** The agency itself (tự chấm). */
    SELF,
    /** The commune's district (huyện chấm tại chỗ). */
    DISTRICT,
    /** The provincial ISO steering committee (tỉnh thẩm định). */
    PROVINCE
}
