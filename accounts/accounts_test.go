package accounts_test

import (
	"strings"
	"testing"

	"github.com/brobygger/brobygger/accounts"
)

func TestPasswordHashesCheckOnlyTheirOwnPassword(t *testing.T) {
	h, err := accounts.HashPassword("korrekt hest batteri")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=65536,t=3,p=4$") {
		t.Errorf("hash %q does not record argon2id and its parameters", h)
	}
	if !accounts.CheckPassword(h, "korrekt hest batteri") {
		t.Error("the right password does not check")
	}
	for _, wrong := range []string{"", "korrekt hest batteri ", "Korrekt hest batteri"} {
		if accounts.CheckPassword(h, wrong) {
			t.Errorf("%q checks against another password's hash", wrong)
		}
	}
	other, _ := accounts.HashPassword("korrekt hest batteri")
	if other == h {
		t.Error("two hashes of one password are equal: the salt is not random")
	}
	for _, broken := range []string{"", "plain", strings.Replace(h, "argon2id", "argon2i", 1), strings.Replace(h, "m=65536", "m=0", 1)} {
		if accounts.CheckPassword(broken, "korrekt hest batteri") {
			t.Errorf("malformed hash %q checks", broken)
		}
	}
}

func TestNewStaffNeedsAStaffRoleItsOrganisationAndAnEmail(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    accounts.NewStaff
		ok   bool
	}{
		{"officer", accounts.NewStaff{Role: accounts.RoleSafeguarding, Email: " Officer@Example.dk "}, true},
		{"org staff", accounts.NewStaff{Role: accounts.RoleOrgStaff, Email: "sara@poterne.dk", OrgID: "org-poterne"}, true},
		{"youth", accounts.NewStaff{Role: accounts.RoleYouth, Email: "y@example.dk"}, false},
		{"unknown role", accounts.NewStaff{Role: "root", Email: "r@example.dk"}, false},
		{"org staff without org", accounts.NewStaff{Role: accounts.RoleOrgStaff, Email: "o@example.dk"}, false},
		{"admin with org", accounts.NewStaff{Role: accounts.RoleAdmin, Email: "a@example.dk", OrgID: "org-x"}, false},
		{"no domain dot", accounts.NewStaff{Role: accounts.RoleAdmin, Email: "a@localhost"}, false},
		{"display name", accounts.NewStaff{Role: accounts.RoleAdmin, Email: "Ann <a@example.dk>"}, false},
	} {
		if err := tc.n.Validate(); (err == nil) != tc.ok {
			t.Errorf("%s: Validate() = %v, want ok %v", tc.name, err, tc.ok)
		}
	}
}
