package mail

import (
	"context"
	"crypto/rand"
	"strings"
)

// Invite is a staff invite to e-mail.
type Invite struct {
	To   string
	Lang string
	// OrgName is the organisation an org_staff invite is for; Role names
	// the role of other invites.
	OrgName string
	Role    string
	// Link opens the staff page's "choose your password" screen with the
	// invite's token.
	Link string
}

// InviteLetter is the invite e-mail.
func InviteLetter(i Invite) Letter {
	lang := Lang(i.Lang)
	first := say("invite_role", lang, "role", i.Role)
	if i.OrgName != "" {
		first = say("invite_org", lang, "org", i.OrgName)
	}
	return Letter{Lang: lang, Subject: say("invite_subject", lang),
		Paragraphs: []string{first, say("invite_how", lang)},
		Link:       &link{URL: i.Link, Label: say("invite_button", lang)},
		Footer:     []string{say("invite_ignore", lang)}}
}

// ResetLetter is the password-reset e-mail; link carries the reset token.
func ResetLetter(lang, resetLink string) Letter {
	lang = Lang(lang)
	return Letter{Lang: lang, Subject: say("reset_subject", lang),
		Paragraphs: []string{say("reset_how", lang)},
		Link:       &link{URL: resetLink, Label: say("reset_button", lang)},
		Footer:     []string{say("reset_ignore", lang)}}
}

// SendInvite queues the invite e-mail.
func (m *Mailer) SendInvite(ctx context.Context, i Invite) error {
	msg, err := InviteLetter(i).Message(i.To)
	if err != nil {
		return err
	}
	return m.Queue(ctx, "invite:"+strings.ToLower(rand.Text()), msg, "")
}

// SendReset queues a password-reset e-mail.
func (m *Mailer) SendReset(ctx context.Context, to, lang, resetLink string) error {
	msg, err := ResetLetter(lang, resetLink).Message(to)
	if err != nil {
		return err
	}
	return m.Queue(ctx, "reset:"+strings.ToLower(rand.Text()), msg, "")
}
