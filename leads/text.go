package leads

import "fmt"

// StatusText is what the young person is told in the chat when their lead
// moves to status, in plain words, in Danish or (for lang "en") English.
// staffName may be empty; the organisation's name is enough then. Bad news
// says it is not the young person's fault and offers a next step, because a
// first "no" is where many young people give up on volunteering.
func StatusText(status, staffName, orgName, lang string) string {
	who := orgName
	if staffName != "" {
		who = fmt.Sprintf(pick(lang, "%s fra %s", "%s from %s"), staffName, orgName)
	}
	switch status {
	case StatusNew:
		return fmt.Sprintf(pick(lang,
			"Jeg har sendt din besked til %s. De plejer at svare inden for et par dage, og jeg siger til her i chatten.",
			"I've sent your message to %s. They usually answer within a few days, and I'll tell you here in the chat."), orgName)
	case StatusContacted:
		return fmt.Sprintf(pick(lang, "%s har svaret dig.", "%s has replied to you."), who)
	case StatusMeetingPlanned:
		return fmt.Sprintf(pick(lang,
			"Du har en aftale med %s. Skriv her, hvis noget ændrer sig.",
			"You have a meeting planned with %s. Write here if anything changes."), who)
	case StatusStarted:
		return fmt.Sprintf(pick(lang,
			"%s skriver, at du er startet. Hvor er det godt – velkommen!",
			"%s says you've started. That's great – welcome!"), who)
	case StatusDeclined:
		return fmt.Sprintf(pick(lang,
			"%s har desværre ikke plads lige nu. Det er ikke din skyld. Skal jeg finde noget andet, der passer dig?",
			"%s has no room right now, sadly. It's not your fault. Shall I find something else that suits you?"), orgName)
	case StatusNoResponse:
		return fmt.Sprintf(pick(lang,
			"%s har ikke svaret i en uge. Det er ærgerligt, og det er ikke din skyld. Vil du se mit næstbedste forslag?",
			"%s hasn't answered in a week. That's a shame, and it's not your fault. Would you like to see my next-best suggestion?"), orgName)
	case StatusWithdrawn:
		return fmt.Sprintf(pick(lang,
			"Du har trukket din tilmelding til %s tilbage. Det er helt i orden.",
			"You've withdrawn from %s. That's completely fine."), orgName)
	}
	return ""
}

// MessageText tells the young person who at the organisation wrote to them,
// and what: the reply is the point of the lead, so it is shown in the chat.
func MessageText(staffName, orgName, text, lang string) string {
	who := orgName
	if staffName != "" {
		who = fmt.Sprintf(pick(lang, "%s fra %s", "%s from %s"), staffName, orgName)
	}
	return fmt.Sprintf(pick(lang, "%s har skrevet til dig:\n\n%s", "%s has written to you:\n\n%s"), who, text)
}

// pick is Danish unless the young person chose English.
func pick(lang, da, en string) string {
	if lang == "en" {
		return en
	}
	return da
}
