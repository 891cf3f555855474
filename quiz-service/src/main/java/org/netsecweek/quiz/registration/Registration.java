package org.netsecweek.quiz.registration;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a worker registers.
 *
 * @param unionId one of the campaign's unions
 * @param orgId an organisation of that union's directory
 * @param name for prize delivery
 * @param phone for prize delivery; a worker who signed in by phone may leave it out (the verified one is used)
 * @param consent that the worker agrees to the privacy notice
 * @param consentVersion the version of the notice they read
 */
record Registration(@NotBlank @Schema(example = "harbin") String unionId,
		@NotBlank @Schema(example = "harbin-0001") String orgId,
		@NotBlank(message = "请填写姓名") @Size(min = 2, max = 20, message = "姓名为2到20个字") @Pattern(
				regexp = "[\\p{IsHan}A-Za-z·• ]+", message = "姓名只能包含汉字、字母和间隔号") String name,
		@Pattern(regexp = "1[3-9]\\d{9}", message = "请输入11位手机号") String phone,
		@AssertTrue(message = "需要同意个人信息保护说明才能参加答题") boolean consent, @NotBlank String consentVersion) {

	Registration withPhone(String verifiedPhone) {
		return new Registration(unionId, orgId, name.strip(), verifiedPhone, consent, consentVersion);
	}
}
