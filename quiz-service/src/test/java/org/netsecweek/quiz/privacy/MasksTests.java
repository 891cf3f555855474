package org.netsecweek.quiz.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MasksTests {

	@Test
	void namesKeepTheirFirstAndLastCharacter() {
		assertThat(Masks.name("张三明")).isEqualTo("张*明");
		assertThat(Masks.name("张三")).isEqualTo("张*");
		assertThat(Masks.name("欧阳小明")).isEqualTo("欧**明");
		assertThat(Masks.name("张")).isEqualTo("*");
	}

	@Test
	void phonesKeepTheirFirstThreeAndLastFourDigits() {
		assertThat(Masks.phone("13812345678")).isEqualTo("138****5678");
		assertThat(Masks.phone("123")).isEqualTo("****");
	}
}
