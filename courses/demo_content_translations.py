"""English and H'Mông versions of the demo courses (see `courses.demo_content`).

Same shape as the Vietnamese, words only. The H'Mông (every course) was written without a
native speaker's check; `courses.demo` flags every H'Mông page for review in the admin.
"""

EN = {
    "dung-dien-thoai-thong-minh": {
        "title": "Using your smartphone",
        "summary": "Turn the phone on, read messages, make calls, install apps and join the village Zalo group.",
        "outcomes": [
            "Turn the phone on and unlock the screen",
            "Read messages, make and answer calls",
            "Install apps safely from the Play Store",
            "Join the village Zalo group",
        ],
        "lessons": {
            "bat-may-mo-khoa": {
                "title": "Turn on and unlock the phone",
                "summary": "Where the power button is, and how to unlock.",
                "body": [
                    (
                        "p",
                        "Your phone has a power button on its side. It turns the phone on and off.",
                    ),
                    (
                        "steps",
                        "Turn the phone on",
                        [
                            (
                                None,
                                "A finger presses the power button on the right side of the phone",
                                "Press and hold the power button for about 3 seconds.",
                            ),
                            (None, "", "Wait for the screen to light up."),
                            (
                                None,
                                "A screen with nine dots and an arrow pointing up",
                                "Swipe the screen from the bottom up.",
                            ),
                            (None, "", "Type your PIN or draw your unlock pattern."),
                        ],
                    ),
                    (
                        "tip",
                        "Pick a PIN that is easy for you to remember and hard for others to guess. Do not use your birth year.",
                    ),
                    ("warn", "Never tell a stranger your phone's PIN."),
                    (
                        "quiz",
                        "How do you turn the phone on?",
                        None,
                        [
                            (
                                "Press and hold the power button for about 3 seconds",
                                None,
                                "Right. Hold the power button until the screen lights up.",
                            ),
                            (
                                "Press the volume-up button",
                                None,
                                "Not quite. The volume buttons only make the sound louder or quieter.",
                            ),
                            (
                                "Shake the phone hard",
                                None,
                                "Not quite. Shaking does not turn it on, and you may drop it.",
                            ),
                        ],
                    ),
                ],
            },
            "tin-nhan-va-goi-dien": {
                "title": "Read messages and make calls",
                "summary": "Open messages, call, answer and hang up.",
                "body": [
                    (
                        "img",
                        None,
                        "A phone with messages, a green button to call and a red button to hang up",
                        "",
                    ),
                    (
                        "steps",
                        "Read a message",
                        [
                            (None, "", "Tap the Messages icon (a speech bubble)."),
                            (None, "", "Tap a message to read it."),
                            (None, "", "Press Back to return to the list."),
                        ],
                    ),
                    (
                        "steps",
                        "Make a call",
                        [
                            (None, "", "Tap the Phone icon (a handset)."),
                            (None, "", "Type the number."),
                            (None, "", "Tap the green button to call."),
                            (None, "", "When you are done, tap the red button to hang up."),
                        ],
                    ),
                    (
                        "tip",
                        "When someone calls you: swipe the green button to answer, the red one to decline.",
                    ),
                    (
                        "warn",
                        "A message asking you to tap a link or read out an OTP code is usually a scam. Do not do it.",
                    ),
                    (
                        "quiz",
                        "When you have finished talking, which button ends the call?",
                        None,
                        [
                            ("The red one", None, "Right. The red button ends the call."),
                            (
                                "The green one",
                                None,
                                "Not quite. The green button makes or answers a call.",
                            ),
                        ],
                    ),
                ],
            },
            "cai-ung-dung": {
                "title": "Install apps safely",
                "summary": "Only from the Play Store or the App Store.",
                "body": [
                    (
                        "p",
                        "An app is a program on your phone, such as Zalo or VNeID. Install apps from the official store.",
                    ),
                    (
                        "steps",
                        "Install an app",
                        [
                            (
                                None,
                                "An app store with a search box and a green Install button",
                                "Open the Play Store (Android) or the App Store (iPhone).",
                            ),
                            (None, "", "Tap the search box and type the app's name."),
                            (None, "", "Check that the developer's name is right."),
                            (None, "", "Tap Install, wait, then tap Open."),
                        ],
                    ),
                    (
                        "warn",
                        "Never install an app from a link a stranger sends by message or Zalo. Crooks use fake apps to empty bank accounts.",
                    ),
                    (
                        "quiz",
                        "Which ways are safe?",
                        None,
                        [
                            (
                                "Install from the Play Store or the App Store",
                                None,
                                "Right. That is the official store.",
                            ),
                            (
                                "Check the developer's name before installing",
                                None,
                                "Right. Fake apps often have a strange developer name.",
                            ),
                            (
                                "Install an .apk file a stranger sent on Zalo",
                                None,
                                "Wrong. That file may be a scam app.",
                            ),
                        ],
                    ),
                ],
            },
            "nhom-zalo-cua-thon": {
                "title": "Join the village Zalo group",
                "summary": "Sign up for Zalo and join the group to get village news.",
                "body": [
                    ("img", None, "Many villagers talking together in one group", ""),
                    (
                        "steps",
                        "Sign up for Zalo",
                        [
                            (None, "", "Install Zalo from the Play Store or the App Store."),
                            (None, "", "Open Zalo, tap Create account and type your phone number."),
                            (
                                None,
                                "",
                                "Zalo sends an OTP code by message. Type that code into Zalo.",
                            ),
                            (None, "", "Type your name. Done."),
                        ],
                    ),
                    (
                        "steps",
                        "Join the village group",
                        [
                            (None, "", "Ask the digital team for the group's QR code or link."),
                            (
                                None,
                                "",
                                "In Zalo, tap the QR scan icon and point the phone at the code.",
                            ),
                            (None, "", "Tap Join group."),
                        ],
                    ),
                    (
                        "tip",
                        "Too many messages? Open the group options and turn notifications off.",
                    ),
                    (
                        "warn",
                        "Type the OTP code only into Zalo. Anyone who calls asking for it is a crook.",
                    ),
                    (
                        "quiz",
                        "Someone calls and asks for your Zalo OTP code. What do you do?",
                        None,
                        [
                            (
                                "Do not give it, hang up",
                                None,
                                "Right. Nobody may know your OTP code.",
                            ),
                            (
                                "Read it out because they say they work for Zalo",
                                None,
                                "Wrong. Real staff never ask for an OTP code.",
                            ),
                        ],
                    ),
                ],
            },
        },
    },
    "vneid-va-dich-vu-cong": {
        "title": "VNeID and online public services",
        "summary": "Install and activate VNeID, add your health insurance card and driving licence, apply online.",
        "outcomes": [
            "Install the real VNeID app",
            "Activate your electronic ID account",
            "Add your health insurance card and driving licence to VNeID",
            "Send a public-service application from your phone",
        ],
        "lessons": {
            "cai-vneid": {
                "title": "Install the real VNeID app",
                "summary": "VNeID is the electronic ID app of the Ministry of Public Security.",
                "body": [
                    (
                        "p",
                        "VNeID is like your citizen ID card on your phone. With VNeID you can do many procedures without travelling.",
                    ),
                    (
                        "steps",
                        "Install VNeID",
                        [
                            (
                                None,
                                "An app store with a search box and an Install button",
                                "Open the Play Store or the App Store and search for VNeID.",
                            ),
                            (
                                None,
                                "",
                                "Check the developer: it must be an agency of the Ministry of Public Security.",
                            ),
                            (None, "", "Tap Install, wait, then tap Open."),
                        ],
                    ),
                    (
                        "warn",
                        "The police never send you a link to install VNeID or call to talk you through it. Install it only from the Play Store or the App Store.",
                    ),
                    (
                        "quiz",
                        "Where should you install VNeID from?",
                        None,
                        [
                            (
                                "The Play Store or the App Store",
                                None,
                                "Right. That is the safe place.",
                            ),
                            (
                                "A link in a message from a 'police officer'",
                                None,
                                "Wrong. This is how crooks install fake apps.",
                            ),
                        ],
                    ),
                ],
            },
            "kich-hoat-tai-khoan": {
                "title": "Activate your electronic ID account",
                "summary": "Register at the commune police, then activate on your phone.",
                "body": [
                    ("img", None, "A chip ID card and a phone with the VNeID app open", ""),
                    (
                        "tip",
                        "Bring your chip ID card and a phone whose SIM is registered in your name to the commune police.",
                    ),
                    (
                        "steps",
                        "Activate",
                        [
                            (
                                None,
                                "",
                                "At the commune police: an officer takes your photo and fingerprints to register you.",
                            ),
                            (None, "", "You get a message with an activation code."),
                            (None, "", "Open VNeID and tap Activate account."),
                            (
                                None,
                                "",
                                "Type your personal ID number (the 12 digits on your ID card) and your phone number.",
                            ),
                            (
                                None,
                                "",
                                "Type the activation code, then set a password and a 6-digit passcode.",
                            ),
                        ],
                    ),
                    (
                        "warn",
                        "The activation code, password and passcode are yours alone. Never read them out to anyone, even someone who says they are the police.",
                    ),
                    (
                        "quiz",
                        "How many digits does your personal ID number have?",
                        None,
                        [
                            ("12", None, "Right. It is the number printed on your ID card."),
                            ("6", None, "Not quite. 6 digits is the passcode you choose."),
                            ("10", None, "Not quite. 10 digits is a phone number."),
                        ],
                    ),
                ],
            },
            "the-bhyt-va-bang-lai": {
                "title": "Add your health insurance card and driving licence",
                "summary": "No need to carry the paper card to the clinic.",
                "body": [
                    (
                        "steps",
                        "Add a document",
                        [
                            (None, "", "Open VNeID and log in."),
                            (None, "", "Tap Document wallet, then Integrate information."),
                            (None, "", "Tap Create new request."),
                            (None, "", "Choose Health insurance card or Driving licence."),
                            (None, "", "Type the card or licence number and tap Send request."),
                        ],
                    ),
                    (
                        "p",
                        "Once approved, the card appears in the Document wallet. At the clinic, open VNeID and show it to the staff.",
                    ),
                    (
                        "tip",
                        "The health insurance number is printed on the paper card. Take a photo of the card to keep the number.",
                    ),
                    (
                        "quiz",
                        "Where in VNeID is your added health insurance card?",
                        None,
                        [
                            ("In the Document wallet", None, "Right."),
                            (
                                "In your phone's messages",
                                None,
                                "Not quite. It is in the VNeID app, under Document wallet.",
                            ),
                        ],
                    ),
                ],
            },
            "nop-ho-so-truc-tuyen": {
                "title": "Send a public-service application online",
                "summary": "Do residence procedures on your phone, without travelling.",
                "body": [
                    (
                        "p",
                        "Many procedures can be done in VNeID or on the National Public Service Portal (dichvucong.gov.vn), for example permanent residence registration or confirming residence information.",
                    ),
                    (
                        "steps",
                        "Apply in VNeID",
                        [
                            (None, "", "Open VNeID and tap Administrative procedures."),
                            (
                                None,
                                "",
                                "Choose the procedure, for example Confirmation of residence information.",
                            ),
                            (None, "", "Fill in the details. Take photos of documents if asked."),
                            (None, "", "Check everything, then tap Send application."),
                            (None, "", "Follow the result under Manage applications."),
                        ],
                    ),
                    (
                        "tip",
                        "Stuck? Go to the village cultural house: the community digital team will help you.",
                    ),
                    (
                        "warn",
                        "Government websites end in .gov.vn. Never type your details into an unknown site.",
                    ),
                    (
                        "quiz",
                        "Which is the real public-service website?",
                        None,
                        [
                            ("dichvucong.gov.vn", None, "Right. Government sites end in .gov.vn."),
                            (
                                "dichvucong-online.com",
                                None,
                                "Wrong. It is an impostor ending in .com.",
                            ),
                        ],
                    ),
                ],
            },
        },
    },
    "phong-tranh-lua-dao": {
        "title": "Staying safe from online fraud",
        "summary": "Spot scam calls and fake links, keep OTP codes secret, know what to do if you are cheated.",
        "outcomes": [
            "Recognise a scam call",
            "Never tap unknown links",
            "Keep your OTP codes secret",
            "Know whom to call if you are cheated",
        ],
        "lessons": {
            "cuoc-goi-lua-dao": {
                "title": "Recognise a scam call",
                "summary": "Crooks pretend to be the police, the bank, the power company.",
                "body": [
                    (
                        "img",
                        None,
                        "A phone with an unknown call and a warning exclamation mark",
                        "",
                    ),
                    (
                        "p",
                        "Crooks call and say they are the police, a court, a bank or the power company. They say you broke the law, your account is locked or your power will be cut. They tell you to act now.",
                    ),
                    (
                        "steps",
                        "When a stranger calls",
                        [
                            (None, "", "Stay calm. Do not act straight away."),
                            (None, "", "Do not send money, read out codes or install apps."),
                            (None, "", "Hang up."),
                            (None, "", "Ask your family, the village head or the commune police."),
                        ],
                    ),
                    (
                        "warn",
                        "The police never deal with cases by phone or ask you to transfer money.",
                    ),
                    (
                        "quiz",
                        "A caller says he is a police officer and tells you to transfer money 'to prove you are innocent'. What do you do?",
                        None,
                        [
                            ("Hang up and ask the commune police", None, "Right. This is a scam."),
                            (
                                "Transfer the money to get it over with",
                                None,
                                "Wrong. The police never ask you to transfer money.",
                            ),
                        ],
                    ),
                ],
            },
            "duong-link-gia": {
                "title": "Fake links and prize messages",
                "summary": "Do not tap unknown links, even when the message looks real.",
                "body": [
                    ("img", None, "A prize message with a link, crossed out in red", ""),
                    (
                        "p",
                        "Scam messages often say: you won a prize, a parcel is waiting, your power will be cut, your account is locked. Each one has a link.",
                    ),
                    (
                        "warn",
                        "Do not tap unknown links. A fake site will steal your password and your money.",
                    ),
                    (
                        "tip",
                        "To check, call the hotline printed on your bank card, or ask someone you trust.",
                    ),
                    (
                        "quiz",
                        "Which signs show a message may be a scam?",
                        None,
                        [
                            (
                                "It says you won a big prize though you entered nothing",
                                None,
                                "Right. Nobody gives you money out of nowhere.",
                            ),
                            (
                                "It has a link and tells you to tap it now",
                                None,
                                "Right. Crooks rush you so you cannot think.",
                            ),
                            ("Your child asks if you have had dinner", None, "That one is normal."),
                        ],
                    ),
                ],
            },
            "giu-bi-mat-otp": {
                "title": "Keep your OTP code secret",
                "summary": "The OTP code is the key to your account.",
                "body": [
                    (
                        "img",
                        None,
                        "An OTP code with a padlock, next to a sign forbidding giving the code away",
                        "",
                    ),
                    (
                        "p",
                        "An OTP is a code your bank or an app sends you by message. It works only once. Whoever has it can take your money.",
                    ),
                    (
                        "warn",
                        "Never read out your OTP code to anyone. Real bank staff never ask for it.",
                    ),
                    (
                        "tip",
                        "Choose a password that is hard to guess. Do not use your birthday or phone number.",
                    ),
                    (
                        "quiz",
                        "Who may know your OTP code?",
                        None,
                        [
                            ("Only you", None, "Right. The OTP is yours alone."),
                            (
                                "A bank employee who calls you",
                                None,
                                "Wrong. Banks never ask for your OTP code.",
                            ),
                            (
                                "A relative far away who asks on Zalo",
                                None,
                                "Wrong. Their Zalo account may have been taken over.",
                            ),
                        ],
                    ),
                ],
            },
            "bi-lua-thi-lam-gi": {
                "title": "Cheated? What to do",
                "summary": "Five things to do at once to limit the damage.",
                "body": [
                    ("img", None, "Calling a hotline and writing down the evidence", ""),
                    (
                        "steps",
                        "Do this now",
                        [
                            (
                                None,
                                "",
                                "Call your bank's hotline (printed on the card) to lock your account.",
                            ),
                            (None, "", "Change the passwords of your apps."),
                            (
                                None,
                                "",
                                "Take screenshots of the messages, phone numbers and transfers.",
                            ),
                            (None, "", "Report to the commune police and bring the screenshots."),
                            (
                                None,
                                "",
                                "Tell your family and the village Zalo group so everyone is careful.",
                            ),
                        ],
                    ),
                    (
                        "tip",
                        "Report spam and scam calls to the 156 hotline, spam messages to 5656.",
                    ),
                    (
                        "warn",
                        "Beware of anyone who promises to 'get your money back' for a fee. That is usually a second scam.",
                    ),
                    (
                        "quiz",
                        "You just sent money to a crook. What should you do first?",
                        None,
                        [
                            (
                                "Call the bank's hotline at once to lock the account",
                                None,
                                "Right. The faster you act, the more money you may keep.",
                            ),
                            ("Wait a few days and see", None, "Wrong. By then the money is gone."),
                            (
                                "Pay someone who promises to get the money back",
                                None,
                                "Wrong. That is usually a second scam.",
                            ),
                        ],
                    ),
                ],
            },
        },
    },
}

# H'Mông (White Hmong, RPA spelling). NEEDS REVIEW by a native speaker before real use.
HMN = {
    "dung-dien-thoai-thong-minh": {
        "title": "Siv koj lub xov tooj smartphone",
        "summary": "Qhib xov tooj, nyeem ntawv xov tooj, hu xov tooj, nruab app thiab koom pab Zalo hauv zos.",
        "outcomes": [
            "Qhib xov tooj thiab qhib lub vijtsam",
            "Nyeem ntawv xov tooj, hu thiab txais xov tooj",
            "Nruab app kom muaj kev nyab xeeb los ntawm Play Store",
            "Koom pab Zalo hauv zos",
        ],
        "lessons": {
            "bat-may-mo-khoa": {
                "title": "Qhib xov tooj thiab qhib lub vijtsam",
                "summary": "Lub pob qhib nyob qhov twg, thiab qhib lub vijtsam li cas.",
                "body": [
                    (
                        "p",
                        "Koj lub xov tooj muaj ib lub pob qhib nyob ntawm ib sab. Lub pob no qhib thiab kaw xov tooj.",
                    ),
                    (
                        "steps",
                        "Qhib xov tooj",
                        [
                            (
                                None,
                                "Ib tus ntiv tes nias lub pob qhib ntawm sab xis ntawm lub xov tooj",
                                "Nias thiab tuav lub pob qhib li 3 vib nas this.",
                            ),
                            (None, "", "Tos kom lub vijtsam ci."),
                            (
                                None,
                                "Lub vijtsam muaj cuaj lub voj voog thiab ib tus xub taw rau saum",
                                "Rub lub vijtsam ntawm hauv qab mus rau saum.",
                            ),
                            (None, "", "Ntaus koj tus lej PIN los yog kos koj tus qauv qhib."),
                        ],
                    ),
                    (
                        "tip",
                        "Xaiv ib tus lej PIN uas koj nco tau yooj yim tab sis lwm tus twv tsis tau. Tsis txhob siv koj xyoo yug.",
                    ),
                    ("warn", "Tsis txhob qhia koj tus lej PIN rau tus neeg txawv."),
                    (
                        "quiz",
                        "Koj qhib xov tooj li cas?",
                        None,
                        [
                            (
                                "Nias thiab tuav lub pob qhib li 3 vib nas this",
                                None,
                                "Yog lawm. Tuav lub pob qhib kom txog thaum lub vijtsam ci.",
                            ),
                            (
                                "Nias lub pob ua suab nrov",
                                None,
                                "Tsis yog. Lub pob suab tsuas yog ua kom suab nrov los yog me xwb.",
                            ),
                            (
                                "Co lub xov tooj heev",
                                None,
                                "Tsis yog. Co tsis qhib tau, thiab tej zaum koj yuav poob nws.",
                            ),
                        ],
                    ),
                ],
            },
            "tin-nhan-va-goi-dien": {
                "title": "Nyeem ntawv xov tooj thiab hu xov tooj",
                "summary": "Qhib ntawv xov tooj, hu, txais thiab kaw.",
                "body": [
                    (
                        "img",
                        None,
                        "Ib lub xov tooj muaj ntawv, ib lub pob ntsuab los hu thiab ib lub pob liab los kaw",
                        "",
                    ),
                    (
                        "steps",
                        "Nyeem ib tsab ntawv",
                        [
                            (None, "", "Nias lub cim Ntawv (ib lub npuas lus)."),
                            (None, "", "Nias ib tsab ntawv los nyeem."),
                            (None, "", "Nias Rov qab los mus rau cov npe."),
                        ],
                    ),
                    (
                        "steps",
                        "Hu xov tooj",
                        [
                            (None, "", "Nias lub cim Xov tooj (ib lub tes xov tooj)."),
                            (None, "", "Ntaus tus lej."),
                            (None, "", "Nias lub pob ntsuab los hu."),
                            (None, "", "Thaum tham tas, nias lub pob liab los kaw."),
                        ],
                    ),
                    (
                        "tip",
                        "Thaum muaj neeg hu koj: rub lub pob ntsuab los txais, lub pob liab los tsis txais.",
                    ),
                    (
                        "warn",
                        "Ib tsab ntawv kom koj nias ib txoj link los yog nyeem tus lej OTP feem ntau yog kev dag. Tsis txhob ua.",
                    ),
                    (
                        "quiz",
                        "Thaum koj tham tas lawm, lub pob twg kaw xov tooj?",
                        None,
                        [
                            ("Lub liab", None, "Yog lawm. Lub pob liab kaw xov tooj."),
                            (
                                "Lub ntsuab",
                                None,
                                "Tsis yog. Lub pob ntsuab yog los hu los yog txais xov tooj.",
                            ),
                        ],
                    ),
                ],
            },
            "cai-ung-dung": {
                "title": "Nruab app kom muaj kev nyab xeeb",
                "summary": "Tsuas yog los ntawm Play Store los yog App Store.",
                "body": [
                    (
                        "p",
                        "App yog ib qho program hauv koj lub xov tooj, xws li Zalo los yog VNeID. Nruab app los ntawm lub khw tiag.",
                    ),
                    (
                        "steps",
                        "Nruab ib qho app",
                        [
                            (
                                None,
                                "Ib lub khw app muaj lub thawv nrhiav thiab lub pob ntsuab Nruab",
                                "Qhib Play Store (Android) los yog App Store (iPhone).",
                            ),
                            (None, "", "Nias lub thawv nrhiav thiab ntaus lub npe app."),
                            (None, "", "Saib kom lub npe ntawm tus tsim app yog lawm."),
                            (None, "", "Nias Nruab, tos, ces nias Qhib."),
                        ],
                    ),
                    (
                        "warn",
                        "Tsis txhob nruab app los ntawm ib txoj link uas tus neeg txawv xa tuaj hauv ntawv los yog Zalo. Cov neeg dag siv app cuav los nqa tag koj cov nyiaj hauv tsev txhab nyiaj.",
                    ),
                    (
                        "quiz",
                        "Txoj kev twg muaj kev nyab xeeb?",
                        None,
                        [
                            (
                                "Nruab los ntawm Play Store los yog App Store",
                                None,
                                "Yog lawm. Qhov ntawd yog lub khw tiag.",
                            ),
                            (
                                "Saib lub npe ntawm tus tsim app ua ntej nruab",
                                None,
                                "Yog lawm. App cuav feem ntau muaj lub npe txawv txawv.",
                            ),
                            (
                                "Nruab ib daim ntawv .apk uas tus neeg txawv xa hauv Zalo",
                                None,
                                "Tsis yog. Daim ntawd tej zaum yog app dag.",
                            ),
                        ],
                    ),
                ],
            },
            "nhom-zalo-cua-thon": {
                "title": "Koom pab Zalo hauv zos",
                "summary": "Sau npe Zalo thiab koom pab kom tau xov xwm hauv zos.",
                "body": [
                    ("img", None, "Ntau tus neeg hauv zos sib tham ua ib pab", ""),
                    (
                        "steps",
                        "Sau npe Zalo",
                        [
                            (None, "", "Nruab Zalo los ntawm Play Store los yog App Store."),
                            (
                                None,
                                "",
                                "Qhib Zalo, nias Tsim account thiab ntaus koj tus lej xov tooj.",
                            ),
                            (
                                None,
                                "",
                                "Zalo xa ib tus lej OTP tuaj hauv ntawv. Ntaus tus lej ntawd rau hauv Zalo.",
                            ),
                            (None, "", "Ntaus koj lub npe. Tiav lawm."),
                        ],
                    ),
                    (
                        "steps",
                        "Koom pab hauv zos",
                        [
                            (
                                None,
                                "",
                                "Nug pab digital hauv zos kom tau lub QR code los yog txoj link ntawm pab.",
                            ),
                            (
                                None,
                                "",
                                "Hauv Zalo, nias lub cim scan QR thiab taw lub xov tooj rau lub code.",
                            ),
                            (None, "", "Nias Koom pab."),
                        ],
                    ),
                    (
                        "tip",
                        "Ntawv tuaj ntau dhau lawm? Qhib cov kev xaiv ntawm pab thiab tua kev ceeb toom.",
                    ),
                    (
                        "warn",
                        "Tsuas ntaus tus lej OTP rau hauv Zalo xwb. Leej twg hu tuaj thov tus lej ntawd yog neeg dag.",
                    ),
                    (
                        "quiz",
                        "Ib tus neeg hu tuaj thov koj tus lej OTP Zalo. Koj yuav ua li cas?",
                        None,
                        [
                            (
                                "Tsis muab, kaw xov tooj",
                                None,
                                "Yog lawm. Tsis muaj leej twg yuav tsum paub koj tus lej OTP.",
                            ),
                            (
                                "Nyeem rau nws vim nws hais tias nws ua hauj lwm rau Zalo",
                                None,
                                "Tsis yog. Cov neeg ua hauj lwm tiag yeej tsis thov tus lej OTP.",
                            ),
                        ],
                    ),
                ],
            },
        },
    },
    "vneid-va-dich-vu-cong": {
        "title": "VNeID thiab kev pab cuam pej xeem hauv internet",
        "summary": "Nruab thiab qhib VNeID, ntxiv daim npav kho mob thiab daim ntawv tsav tsheb, xa ntawv thov hauv internet.",
        "outcomes": [
            "Nruab VNeID tiag",
            "Qhib koj tus account ID hluav taws xob",
            "Ntxiv daim npav kho mob thiab daim ntawv tsav tsheb rau hauv VNeID",
            "Xa ib daim ntawv thov pej xeem los ntawm koj lub xov tooj",
        ],
        "lessons": {
            "cai-vneid": {
                "title": "Nruab VNeID tiag",
                "summary": "VNeID yog app ID hluav taws xob ntawm Lub Tsev Haujlwm Tub Ceev Xwm.",
                "body": [
                    (
                        "p",
                        "VNeID zoo li koj daim npav pej xeem nyob hauv koj lub xov tooj. Nrog VNeID koj ua tau ntau yam ntawv yam tsis tas mus deb.",
                    ),
                    (
                        "steps",
                        "Nruab VNeID",
                        [
                            (
                                None,
                                "Ib lub khw app muaj lub thawv nrhiav thiab lub pob Nruab",
                                "Qhib Play Store los yog App Store thiab nrhiav VNeID.",
                            ),
                            (
                                None,
                                "",
                                "Saib tus tsim app: yuav tsum yog ib lub chaw ntawm Lub Tsev Haujlwm Tub Ceev Xwm.",
                            ),
                            (None, "", "Nias Nruab, tos, ces nias Qhib."),
                        ],
                    ),
                    (
                        "warn",
                        "Tub ceev xwm yeej tsis xa link tuaj kom koj nruab VNeID los yog hu tuaj qhia koj ua. Tsuas nruab los ntawm Play Store los yog App Store xwb.",
                    ),
                    (
                        "quiz",
                        "Koj yuav tsum nruab VNeID los ntawm qhov twg?",
                        None,
                        [
                            (
                                "Play Store los yog App Store",
                                None,
                                "Yog lawm. Qhov ntawd muaj kev nyab xeeb.",
                            ),
                            (
                                "Ib txoj link hauv ntawv ntawm ib tus 'tub ceev xwm'",
                                None,
                                "Tsis yog. Cov neeg dag siv txoj kev no los nruab app cuav.",
                            ),
                        ],
                    ),
                ],
            },
            "kich-hoat-tai-khoan": {
                "title": "Qhib koj tus account ID hluav taws xob",
                "summary": "Sau npe ntawm tub ceev xwm hauv xeem, ces qhib hauv koj lub xov tooj.",
                "body": [
                    (
                        "img",
                        None,
                        "Ib daim npav ID muaj chip thiab ib lub xov tooj qhib app VNeID",
                        "",
                    ),
                    (
                        "tip",
                        "Nqa koj daim npav ID muaj chip thiab ib lub xov tooj uas nws daim SIM sau koj lub npe mus rau tub ceev xwm hauv xeem.",
                    ),
                    (
                        "steps",
                        "Qhib account",
                        [
                            (
                                None,
                                "",
                                "Ntawm tub ceev xwm hauv xeem: tus tub ceev xwm thaij koj duab thiab ntiv tes los sau koj npe.",
                            ),
                            (None, "", "Koj tau ib tsab ntawv muaj tus lej qhib."),
                            (None, "", "Qhib VNeID thiab nias Qhib account."),
                            (
                                None,
                                "",
                                "Ntaus koj tus lej ID (12 tus lej ntawm koj daim npav ID) thiab koj tus lej xov tooj.",
                            ),
                            (
                                None,
                                "",
                                "Ntaus tus lej qhib, ces teeb ib lo lus zais thiab ib tus lej zais 6 tus.",
                            ),
                        ],
                    ),
                    (
                        "warn",
                        "Tus lej qhib, lo lus zais thiab tus lej zais yog koj li xwb. Tsis txhob nyeem rau leej twg, txawm yog tus neeg hais tias nws yog tub ceev xwm.",
                    ),
                    (
                        "quiz",
                        "Koj tus lej ID muaj pes tsawg tus lej?",
                        None,
                        [
                            (
                                "12",
                                None,
                                "Yog lawm. Nws yog tus lej luam rau ntawm koj daim npav ID.",
                            ),
                            ("6", None, "Tsis yog. 6 tus lej yog tus lej zais uas koj xaiv."),
                            ("10", None, "Tsis yog. 10 tus lej yog tus lej xov tooj."),
                        ],
                    ),
                ],
            },
            "the-bhyt-va-bang-lai": {
                "title": "Ntxiv daim npav kho mob thiab daim ntawv tsav tsheb",
                "summary": "Tsis tas nqa daim npav ntawv mus rau tsev kho mob.",
                "body": [
                    (
                        "steps",
                        "Ntxiv ib daim ntawv",
                        [
                            (None, "", "Qhib VNeID thiab nkag mus."),
                            (None, "", "Nias Hnab ntawv, ces nias Muab cov ntaub ntawv ntxiv."),
                            (None, "", "Nias Tsim daim ntawv thov tshiab."),
                            (None, "", "Xaiv Daim npav kho mob los yog Daim ntawv tsav tsheb."),
                            (
                                None,
                                "",
                                "Ntaus tus lej ntawm daim npav los yog daim ntawv thiab nias Xa daim ntawv thov.",
                            ),
                        ],
                    ),
                    (
                        "p",
                        "Thaum pom zoo lawm, daim npav yuav tshwm hauv Hnab ntawv. Ntawm tsev kho mob, qhib VNeID thiab qhia rau tus neeg ua hauj lwm.",
                    ),
                    (
                        "tip",
                        "Tus lej kho mob luam rau ntawm daim npav ntawv. Thaij ib daim duab ntawm daim npav kom khaws tau tus lej.",
                    ),
                    (
                        "quiz",
                        "Daim npav kho mob uas koj ntxiv lawm nyob qhov twg hauv VNeID?",
                        None,
                        [
                            ("Hauv Hnab ntawv", None, "Yog lawm."),
                            (
                                "Hauv koj lub xov tooj cov ntawv",
                                None,
                                "Tsis yog. Nws nyob hauv app VNeID, hauv Hnab ntawv.",
                            ),
                        ],
                    ),
                ],
            },
            "nop-ho-so-truc-tuyen": {
                "title": "Xa daim ntawv thov pej xeem hauv internet",
                "summary": "Ua ntawv chaw nyob hauv koj lub xov tooj, tsis tas mus deb.",
                "body": [
                    (
                        "p",
                        "Ntau yam ntawv ua tau hauv VNeID los yog hauv Lub Vas Sab Pab Cuam Pej Xeem Hauv Tebchaws (dichvucong.gov.vn), piv txwv sau npe chaw nyob ruaj los yog lees paub cov ntaub ntawv chaw nyob.",
                    ),
                    (
                        "steps",
                        "Thov hauv VNeID",
                        [
                            (None, "", "Qhib VNeID thiab nias Kev ua ntawv."),
                            (
                                None,
                                "",
                                "Xaiv yam ntawv, piv txwv Lees paub cov ntaub ntawv chaw nyob.",
                            ),
                            (
                                None,
                                "",
                                "Sau cov ntaub ntawv. Thaij duab cov ntawv yog tias nws thov.",
                            ),
                            (None, "", "Saib txhua yam dua, ces nias Xa daim ntawv thov."),
                            (None, "", "Saib qhov tshwm sim hauv Tswj cov ntawv thov."),
                        ],
                    ),
                    (
                        "tip",
                        "Ua tsis tau? Mus rau lub tsev kab lis kev cai hauv zos: pab digital hauv zos yuav pab koj.",
                    ),
                    (
                        "warn",
                        "Cov vas sab ntawm tsoom fwv xaus rau .gov.vn. Tsis txhob ntaus koj cov ntaub ntawv rau hauv ib lub vas sab uas koj tsis paub.",
                    ),
                    (
                        "quiz",
                        "Lub vas sab twg yog lub vas sab pab cuam pej xeem tiag?",
                        None,
                        [
                            (
                                "dichvucong.gov.vn",
                                None,
                                "Yog lawm. Cov vas sab tsoom fwv xaus rau .gov.vn.",
                            ),
                            (
                                "dichvucong-online.com",
                                None,
                                "Tsis yog. Nws yog lub cuav xaus rau .com.",
                            ),
                        ],
                    ),
                ],
            },
        },
    },
    "phong-tranh-lua-dao": {
        "title": "Kev tiv thaiv kev dag ntxias hauv internet",
        "summary": "Paub txog kev hu xov tooj dag thiab link cuav, khaws tus lej OTP zais cia, paub yuav ua li cas thaum raug dag.",
        "outcomes": [
            "Paub txog kev hu xov tooj dag",
            "Tsis txhob nias link txawv",
            "Khaws tus lej OTP zais cia",
            "Paub hu rau leej twg thaum raug dag",
        ],
        "lessons": {
            "cuoc-goi-lua-dao": {
                "title": "Paub txog kev hu xov tooj dag",
                "summary": "Tus neeg dag ua txuj yog tub ceev xwm, tsev txhab nyiaj, hluav taws xob.",
                "body": [
                    (
                        "img",
                        None,
                        "Xov tooj muaj ib tus neeg txawv hu tuaj thiab muaj cim ceev faj",
                        "",
                    ),
                    (
                        "p",
                        "Tus neeg dag hu xov tooj tuaj, hais tias nws yog tub ceev xwm, tsev hais plaub, tsev txhab nyiaj los yog lub chaw hluav taws xob. Nws hais tias koj ua txhaum, koj tus account raug kaw los yog yuav txiav hluav taws xob. Nws yuam kom koj ua tam sim no.",
                    ),
                    (
                        "steps",
                        "Thaum muaj neeg txawv hu tuaj",
                        [
                            (None, "", "Nyob twj ywm. Tsis txhob ua raws li tam sim ntawd."),
                            (
                                None,
                                "",
                                "Tsis txhob xa nyiaj, tsis txhob nyeem tus lej, tsis txhob nruab app.",
                            ),
                            (None, "", "Kaw xov tooj."),
                            (
                                None,
                                "",
                                "Nug koj tsev neeg, tus thawj zos los yog tub ceev xwm hauv xeem.",
                            ),
                        ],
                    ),
                    (
                        "warn",
                        "Tub ceev xwm yeej tsis ua hauj lwm hauv xov tooj thiab tsis kom koj xa nyiaj.",
                    ),
                    (
                        "quiz",
                        "Ib tus neeg hu tuaj hais tias nws yog tub ceev xwm, kom koj xa nyiaj 'los qhia tias koj tsis txhaum'. Koj yuav ua li cas?",
                        None,
                        [
                            (
                                "Kaw xov tooj, mus nug tub ceev xwm hauv xeem",
                                None,
                                "Yog lawm. Qhov no yog kev dag.",
                            ),
                            (
                                "Xa nyiaj kom sai sai",
                                None,
                                "Tsis yog. Tub ceev xwm yeej tsis kom xa nyiaj.",
                            ),
                        ],
                    ),
                ],
            },
            "duong-link-gia": {
                "title": "Link cuav thiab xov tooj tshaj tawm yeej khoom plig",
                "summary": "Tsis txhob nias link txawv, txawm tias zoo li tiag.",
                "body": [
                    (
                        "img",
                        None,
                        "Ib tsab ntawv xov tooj hais tias yeej khoom plig muaj link, raug kos liab",
                        "",
                    ),
                    (
                        "p",
                        "Cov ntawv dag feem ntau hais tias: koj yeej khoom plig, muaj pob khoom tos koj, yuav txiav hluav taws xob, koj tus account raug kaw. Txhua tsab muaj ib txoj link.",
                    ),
                    (
                        "warn",
                        "Tsis txhob nias link txawv. Lub vev xaib cuav yuav nyiag koj tus password thiab koj cov nyiaj.",
                    ),
                    (
                        "tip",
                        "Yog xav kuaj, hu rau tus lej hotline uas sau rau ntawm koj daim npav tsev txhab nyiaj, los yog nug tus neeg koj ntseeg.",
                    ),
                    (
                        "quiz",
                        "Yam twg qhia tias tsab ntawv ntawd tej zaum yog kev dag?",
                        None,
                        [
                            (
                                "Hais tias koj yeej khoom plig loj txawm koj tsis tau koom dab tsi",
                                None,
                                "Yog lawm. Tsis muaj leej twg muab nyiaj dawb rau koj.",
                            ),
                            (
                                "Muaj link thiab yuam kom nias tam sim no",
                                None,
                                "Yog lawm. Tus neeg dag yuam kom koj maj kom koj tsis muaj sij hawm xav.",
                            ),
                            (
                                "Koj tus me nyuam nug tias koj noj mov lawm los tsis tau",
                                None,
                                "Tsab no yog ib txwm xwb.",
                            ),
                        ],
                    ),
                ],
            },
            "giu-bi-mat-otp": {
                "title": "Khaws tus lej OTP zais cia",
                "summary": "Tus lej OTP yog tus yuam sij ntawm koj tus account.",
                "body": [
                    (
                        "img",
                        None,
                        "Tus lej OTP muaj phoo xauv, ib sab muaj cim txwv tsis pub muab tus lej rau lwm tus",
                        "",
                    ),
                    (
                        "p",
                        "OTP yog tus lej uas tsev txhab nyiaj los yog app xa tuaj rau koj hauv xov tooj. Siv tau ib zaug xwb. Leej twg muaj tus lej no yuav nqa tau koj cov nyiaj.",
                    ),
                    (
                        "warn",
                        "Tsis txhob nyeem koj tus lej OTP rau leej twg. Neeg ua hauj lwm tsev txhab nyiaj tiag yeej tsis nug tus lej OTP.",
                    ),
                    (
                        "tip",
                        "Xaiv ib tus password uas nyuaj twv. Tsis txhob siv hnub yug los yog tus lej xov tooj.",
                    ),
                    (
                        "quiz",
                        "Leej twg thiaj paub tau koj tus lej OTP?",
                        None,
                        [
                            ("Tsuas yog koj xwb", None, "Yog lawm. OTP yog koj li xwb."),
                            (
                                "Neeg ua hauj lwm tsev txhab nyiaj hu tuaj",
                                None,
                                "Tsis yog. Tsev txhab nyiaj yeej tsis nug tus lej OTP.",
                            ),
                            (
                                "Ib tug kwv tij nyob deb thov hauv Zalo",
                                None,
                                "Tsis yog. Tej zaum nws tus Zalo raug lwm tus txeeb lawm.",
                            ),
                        ],
                    ),
                ],
            },
            "bi-lua-thi-lam-gi": {
                "title": "Raug dag lawm yuav ua li cas?",
                "summary": "Ua tsib yam no tam sim ntawd kom tsis txhob poob ntau.",
                "body": [
                    ("img", None, "Hu xov tooj mus qhia hotline thiab sau cov pov thawj cia", ""),
                    (
                        "steps",
                        "Ua tam sim no",
                        [
                            (
                                None,
                                "",
                                "Hu rau hotline ntawm tsev txhab nyiaj (tus lej sau rau ntawm daim npav) kom kaw koj tus account.",
                            ),
                            (None, "", "Hloov cov password ntawm koj cov app."),
                            (
                                None,
                                "",
                                "Thaij duab cov ntawv xov tooj, tus lej xov tooj thiab kev xa nyiaj.",
                            ),
                            (None, "", "Mus qhia tub ceev xwm hauv xeem thiab nqa cov duab mus."),
                            (
                                None,
                                "",
                                "Qhia koj tsev neeg thiab pab Zalo hauv zos kom txhua tus ceev faj.",
                            ),
                        ],
                    ),
                    (
                        "tip",
                        "Qhia txog kev hu xov tooj dag rau tus lej 156; cov ntawv xov tooj dag rau tus lej 5656.",
                    ),
                    (
                        "warn",
                        "Ceev faj tus neeg uas cog lus tias yuav 'nrhiav nyiaj rov qab' yog koj them nqi. Feem ntau yog kev dag zaum ob.",
                    ),
                    (
                        "quiz",
                        "Koj nyuam qhuav xa nyiaj rau tus neeg dag. Yam ua ntej tshaj yuav tsum ua yog dab tsi?",
                        None,
                        [
                            (
                                "Hu rau hotline tsev txhab nyiaj tam sim ntawd kom kaw tus account",
                                None,
                                "Yog lawm. Ua sai npaum twg, yuav tseem tshuav nyiaj ntau npaum ntawd.",
                            ),
                            (
                                "Tos ob peb hnub saib",
                                None,
                                "Tsis yog. Tos ntev, nyiaj yuav raug rho tag.",
                            ),
                            (
                                "Them nqi rau tus neeg cog lus tias yuav nrhiav nyiaj rov qab",
                                None,
                                "Tsis yog. Feem ntau yog kev dag zaum ob.",
                            ),
                        ],
                    ),
                ],
            },
        },
    },
}

TRANSLATIONS = {"en": EN, "hmn": HMN}
