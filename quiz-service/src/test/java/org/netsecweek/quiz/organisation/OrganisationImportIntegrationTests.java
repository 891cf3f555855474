package org.netsecweek.quiz.organisation;

import org.junit.jupiter.api.Test;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;
import org.netsecweek.quiz.Phone;
import org.netsecweek.quiz.QuizIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@QuizIntegrationTest
class OrganisationImportIntegrationTests {

	@Autowired
	WebTestClient web;

	@Autowired
	Tokens tokens;

	@Test
	void theSeededDirectoryListsAUnionsOrganisations() {
		web.get().uri("/api/organisations?unionId=industry").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.length()").isEqualTo(5).jsonPath("$[4].name").isEqualTo("大庆油田工会");
	}

	@Test
	void aPreviewShowsWhatWouldChangeAndApplyChangesIt() {
		String admin = admin(Role.UNION_ADMIN, "jiamusi");
		String csv = "union_id,org_id,name\njiamusi,jiamusi-0001,佳木斯市示例基层工会1（演示数据）\njiamusi,jiamusi-0101,佳木斯造纸厂工会\n";

		importCsv(admin, "preview", csv).expectStatus().isOk().expectBody()
			.jsonPath("$.applied").isEqualTo(false)
			.jsonPath("$.added[0]").isEqualTo("jiamusi-0101")
			.jsonPath("$.changed.length()").isEqualTo(0);
		web.get().uri("/api/organisations?unionId=jiamusi").exchange().expectBody().jsonPath("$.length()").isEqualTo(3);

		importCsv(admin, "apply", csv).expectStatus().isOk().expectBody().jsonPath("$.applied").isEqualTo(true);
		web.get().uri("/api/organisations?unionId=jiamusi").exchange().expectBody().jsonPath("$.length()").isEqualTo(4);
	}

	@Test
	void aBadFileIsRefusedWholeWithEveryProblemAndAUnionAdminTouchesOnlyTheirUnion() {
		String admin = admin(Role.UNION_ADMIN, "hegang");
		String csv = "union_id,org_id,name\nhegang,hegang-0201,鹤岗新厂工会\nheihe,heihe-0201,黑河某厂工会\nhegang,BAD,\n";

		importCsv(admin, "apply", csv).expectStatus().isEqualTo(422).expectBody()
			.jsonPath("$.code").isEqualTo("directory-has-problems")
			.jsonPath("$.errors.length()").isEqualTo(3)
			.jsonPath("$.errors[0].row").isEqualTo(3)
			.jsonPath("$.errors[0].column").isEqualTo("union_id");
		web.get().uri("/api/organisations?unionId=hegang").exchange().expectBody().jsonPath("$.length()").isEqualTo(3);
	}

	@Test
	void workersCannotImport() {
		Phone phone = Phone.signIn(web, "heihe", "heihe-0001");
		importCsv(phone.token, "apply", "union_id,org_id,name\n").expectStatus().isForbidden();
	}

	private WebTestClient.ResponseSpec importCsv(String token, String mode, String csv) {
		return web.post().uri("/api/admin/organisations/import?mode=" + mode).headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv).exchange();
	}

	private String admin(Role role, String union) {
		return tokens.issue(new Caller("staff-" + union, role, union)).token();
	}
}
