"""English and H'Mông versions of the demo courses (see `courses.demo_content`).

Same shape as the Vietnamese, words only. The H'Mông (every course) was written without a
native speaker's check; `courses.demo` flags every H'Mông page for review in the admin.
"""

EN = {
    "ban-nong-san-tren-mang": {
        "title": "Selling your produce online",
        "summary": "Photograph your product, write an honest description, post it on Zalo and a marketplace, livestream safely, get paid without being cheated.",
        "outcomes": [
            "Take clear product photos in daylight",
            "Write a short, honest description with price and weight",
            "Post in the village Zalo group and on a marketplace",
            "Do a safe first livestream",
            "Get paid without being cheated",
        ],
        "lessons": {
            "chup-anh-san-pham": {
                "title": "Photograph your product in daylight",
                "summary": "Buyers trust a clear photo with true colours.",
                "body": [
                    (
                        "img",
                        None,
                        "A basket of mandarins in the sun and a phone taking a photo",
                        "",
                    ),
                    (
                        "steps",
                        "Take a good photo",
                        [
                            (
                                None,
                                "A basket of mandarins outdoors, the sun behind the person taking the photo",
                                "Take the product somewhere bright, in daytime. Stand with your back to the sun.",
                            ),
                            (None, "", "Wipe the phone's lens clean with a soft cloth."),
                            (
                                None,
                                "",
                                "Put the product on a plain background: a cloth, a winnowing basket or banana leaves.",
                            ),
                            (
                                None,
                                "",
                                "Tap the product on the screen to sharpen the picture, then press the shutter button.",
                            ),
                            (None, "", "Take one close-up and one photo of the whole basket."),
                        ],
                    ),
                    (
                        "tip",
                        "Do not use the flash and do not change the colours. When the photo shows the true colour, buyers do not send the goods back.",
                    ),
                    (
                        "quiz",
                        "Where is the best place to photograph mandarins for sale?",
                        None,
                        [
                            (
                                "Outdoors, in daytime, with the sun behind you",
                                None,
                                "Right. Daylight gives a clear photo with true colours.",
                            ),
                            (
                                "In a dark kitchen, with the flash on",
                                None,
                                "Not quite. The photo is dark and the flash changes the fruit's colour.",
                            ),
                            (
                                "In the evening under a yellow bulb",
                                None,
                                "Not quite. Yellow light makes the fruit look different from reality.",
                            ),
                        ],
                    ),
                ],
            },
            "viet-mo-ta-trung-thuc": {
                "title": "Write a short, honest description",
                "summary": "Name, weight, price, where it grew and how you deliver.",
                "body": [
                    (
                        "img",
                        None,
                        "A bag of mandarins labelled 5 kg, 150,000 dong, next to a note listing the points",
                        "",
                    ),
                    (
                        "steps",
                        "A good description has these 5 points",
                        [
                            (
                                None,
                                "",
                                "The product and where it grew, for example: Mường Khương mandarins.",
                            ),
                            (None, "", "The weight of each bag or box, for example: 5 kg."),
                            (None, "", "A clear price, for example: 150,000 dong for a 5 kg bag."),
                            (
                                None,
                                "",
                                "The truth about it: big or small fruit, sweet or a little sour, the day it was picked.",
                            ),
                            (
                                None,
                                "",
                                "How you deliver, and your phone or Zalo number for questions.",
                            ),
                        ],
                    ),
                    (
                        "p",
                        "Example: Mường Khương mandarins, picked this morning. 5 kg bag, 150,000 dong. Medium fruit, mildly sweet. Delivery within the commune, or by coach to the district. Call or Zalo your number.",
                    ),
                    (
                        "warn",
                        'Do not exaggerate ("the sweetest in Viet Nam") and do not use photos from the internet. A buyer who gets something different will not buy again.',
                    ),
                    (
                        "quiz",
                        "Which description is better?",
                        None,
                        [
                            (
                                "Mường Khương mandarins, 5 kg bag, 150,000 dong, picked today, medium fruit, mildly sweet",
                                None,
                                "Right. It has the name, weight and price, and tells the truth.",
                            ),
                            (
                                "The best mandarins in the world, message me for the price",
                                None,
                                "Not quite. No price, no weight, and it exaggerates.",
                            ),
                        ],
                    ),
                ],
            },
            "dang-ban-zalo-va-san": {
                "title": "Post in the Zalo group and on a marketplace",
                "summary": "Post your photos and description in the village group, then on an e-commerce site.",
                "body": [
                    (
                        "img",
                        None,
                        "A phone showing a Zalo group with a post of mandarins, two buyers looking from afar",
                        "",
                    ),
                    (
                        "steps",
                        "Post in the village Zalo group",
                        [
                            (
                                None,
                                "A post in a Zalo group with a photo of mandarins and a line of text",
                                "Open Zalo and go to the village group or the commune's buy-and-sell group.",
                            ),
                            (None, "", "Tap the photo icon and choose your 2 or 3 best photos."),
                            (None, "", "Paste your description into the text box, then tap Send."),
                            (None, "", "Answer questions quickly and politely."),
                        ],
                    ),
                    (
                        "steps",
                        "Post on an e-commerce marketplace",
                        [
                            (
                                None,
                                "",
                                "Ask the community digital team to help you open a seller account with your phone number.",
                            ),
                            (
                                None,
                                "",
                                "Tap Add product and enter the photos, name, price, weight and description.",
                            ),
                            (None, "", "Choose the marketplace's delivery, then tap Post."),
                        ],
                    ),
                    (
                        "tip",
                        "The marketplace collects the money for orders placed there, which is safer. Read its fees before you set your price.",
                    ),
                    (
                        "warn",
                        "Post only your selling phone number. Never post a photo of your ID card, your full account details or an OTP code.",
                    ),
                    (
                        "quiz",
                        "What should you not post when selling?",
                        None,
                        [
                            (
                                "A photo of your citizen ID card",
                                None,
                                "Right. Crooks can use a photo of your ID card to cheat.",
                            ),
                            ("An OTP code", None, "Right. Never give an OTP code to anyone."),
                            (
                                "The price and weight",
                                None,
                                "Not quite. Price and weight should be written clearly.",
                            ),
                        ],
                    ),
                ],
            },
            "livestream-an-toan": {
                "title": "A safe first livestream",
                "summary": "Get ready, what to say while live, and staying safe.",
                "body": [
                    (
                        "img",
                        None,
                        "A farmer holding mandarins in front of a phone on a stand, the screen says LIVE",
                        "",
                    ),
                    (
                        "steps",
                        "Get ready and go live",
                        [
                            (
                                None,
                                "A phone on a tripod, the seller standing in front of it",
                                "Charge the battery fully. Stand where the signal is strong, in daylight.",
                            ),
                            (
                                None,
                                "",
                                "Put the phone on a stand, or ask someone to hold it steady.",
                            ),
                            (
                                None,
                                "",
                                "In Zalo or Facebook choose Live video, write a name for the sale, then tap Start.",
                            ),
                            (
                                None,
                                "",
                                "Greet everyone, show the product, say the price and weight; cut a fruit open to show it.",
                            ),
                            (
                                None,
                                "",
                                "Read out buyers' names and write the orders on paper. When you are done, tap End.",
                            ),
                        ],
                    ),
                    (
                        "warn",
                        "Never read out your ID number, home address or account balance while live. Anyone can watch.",
                    ),
                    (
                        "tip",
                        "The first time, 10 to 15 minutes is enough. Tell the Zalo group the time beforehand so more people watch.",
                    ),
                    (
                        "quiz",
                        'While you are live, a viewer asks for your account number and OTP code "to pay quickly". What do you do?',
                        None,
                        [
                            (
                                "Give only the account number for payment, never the OTP code",
                                None,
                                "Right. The OTP code is for you alone; whoever asks for it is a crook.",
                            ),
                            (
                                "Read out the OTP code too, to be quick",
                                None,
                                "Not quite. With the OTP code a crook can take your money.",
                            ),
                        ],
                    ),
                ],
            },
            "nhan-tien-khong-bi-lua": {
                "title": "Get paid without being cheated",
                "summary": 'Fake transfer screenshots and fake "shippers": how to spot them.',
                "body": [
                    (
                        "img",
                        None,
                        "Left: a transfer screenshot crossed out in red. Right: the bank app shows the money has arrived",
                        "",
                    ),
                    (
                        "steps",
                        "Before you hand over the goods",
                        [
                            (
                                None,
                                "A screenshot crossed out, a bank app with a green tick",
                                "The buyer sends a screenshot of the transfer? Do not trust it. Screenshots are easy to fake.",
                            ),
                            (
                                None,
                                "",
                                "Open your own bank app and check that the money is in your account.",
                            ),
                            (
                                None,
                                "",
                                "Hand over the goods only when the money has really arrived, or take cash on delivery.",
                            ),
                        ],
                    ),
                    (
                        "steps",
                        'Watch out for fake "shippers"',
                        [
                            (
                                None,
                                "A delivery rider on a motorbike, a phone with a warning sign and the word OTP",
                                "Someone calls saying they are the shipper and asks you to tap a link or pay the delivery fee first: it is a scam.",
                            ),
                            (
                                None,
                                "",
                                'Do not tap strange links, do not read out OTP codes, do not send money to a "shipper".',
                            ),
                            (
                                None,
                                "",
                                "Call the buyer back on the number you already have, and ask.",
                            ),
                        ],
                    ),
                    ("h5p", "Real or scam? Choose True or False for each sentence."),
                    (
                        "warn",
                        "Cheated already? Call your bank at once to lock your account, and tell the commune police.",
                    ),
                    (
                        "quiz",
                        "A buyer sends a screenshot showing they transferred 500,000 dong. What do you do before handing over the goods?",
                        None,
                        [
                            (
                                "Open my bank app and check the money has arrived",
                                None,
                                "Right. Trust only the balance in your own bank app.",
                            ),
                            (
                                "Hand over the goods at once, there is a screenshot",
                                None,
                                "Not quite. Transfer screenshots are easy to fake.",
                            ),
                        ],
                    ),
                ],
            },
        },
    },
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
    "ban-nong-san-tren-mang": {
        "title": "Muag koj cov qoob loo hauv internet",
        "summary": "Thaij duab khoom, sau lus piav tseeb, tshaj tawm hauv Zalo thiab hauv khw internet, livestream kom nyab xeeb, tau nyiaj yam tsis raug dag.",
        "outcomes": [
            "Thaij duab khoom kom meej thaum nruab hnub",
            "Sau lus piav luv luv thiab tseeb, muaj nqi thiab qhov hnyav",
            "Tshaj tawm hauv pab Zalo hauv zos thiab hauv khw internet",
            "Livestream thawj zaug kom nyab xeeb",
            "Tau nyiaj yam tsis raug dag",
        ],
        "lessons": {
            "chup-anh-san-pham": {
                "title": "Thaij duab koj cov khoom thaum nruab hnub",
                "summary": "Tus neeg yuav ntseeg ib daim duab meej thiab xim tseeb.",
                "body": [
                    (
                        "img",
                        None,
                        "Ib lub tawb txiv kab ntxwv nyob hauv hnub thiab ib lub xov tooj tab tom thaij duab",
                        "",
                    ),
                    (
                        "steps",
                        "Thaij ib daim duab zoo",
                        [
                            (
                                None,
                                "Ib lub tawb txiv kab ntxwv nyob sab nraum zoov, lub hnub nyob tom qab tus neeg thaij duab",
                                "Nqa cov khoom mus rau qhov chaw kaj, thaum nruab hnub. Sawv nraub qaum rau lub hnub.",
                            ),
                            (
                                None,
                                "",
                                "So lub qhov muag thaij duab ntawm xov tooj kom huv nrog ib daim ntaub mos.",
                            ),
                            (
                                None,
                                "",
                                "Muab cov khoom tso rau saum ib yam tiaj tus: ib daim ntaub, ib lub vab los yog nplooj tsawb.",
                            ),
                            (
                                None,
                                "",
                                "Nias cov khoom ntawm lub vijtsam kom daim duab meej, ces nias lub pob thaij.",
                            ),
                            (None, "", "Thaij ib daim ze ze thiab ib daim tag nrho lub tawb."),
                        ],
                    ),
                    (
                        "tip",
                        "Tsis txhob siv teeb flash thiab tsis txhob hloov xim. Thaum daim duab muaj xim tseeb, tus neeg yuav tsis xa khoom rov qab.",
                    ),
                    (
                        "quiz",
                        "Qhov chaw twg zoo tshaj los thaij duab txiv kab ntxwv muag?",
                        None,
                        [
                            (
                                "Sab nraum zoov, thaum nruab hnub, lub hnub nyob koj nraub qaum",
                                None,
                                "Yog lawm. Hnub ci ua rau daim duab meej thiab xim tseeb.",
                            ),
                            (
                                "Hauv chav ua mov tsaus, qhib teeb flash",
                                None,
                                "Tsis yog. Daim duab tsaus thiab flash ua rau txiv xim txawv.",
                            ),
                            (
                                "Thaum tsaus ntuj hauv qab lub teeb daj",
                                None,
                                "Tsis yog. Teeb daj ua rau txiv zoo li txawv ntawm tiag.",
                            ),
                        ],
                    ),
                ],
            },
            "viet-mo-ta-trung-thuc": {
                "title": "Sau lus piav luv luv thiab tseeb",
                "summary": "Lub npe, qhov hnyav, nqi, qhov chaw cog thiab xa li cas.",
                "body": [
                    (
                        "img",
                        None,
                        "Ib hnab txiv kab ntxwv muaj daim ntawv sau 5 kg, 150.000 nyiaj, ib sab muaj daim ntawv sau cov ntsiab lus",
                        "",
                    ),
                    (
                        "steps",
                        "Lus piav zoo muaj 5 yam no",
                        [
                            (
                                None,
                                "",
                                "Lub npe khoom thiab qhov chaw cog, piv txwv: Txiv kab ntxwv Mường Khương.",
                            ),
                            (
                                None,
                                "",
                                "Qhov hnyav ntawm ib hnab los yog ib thawv, piv txwv: 5 kg.",
                            ),
                            (None, "", "Tus nqi meej, piv txwv: 150.000 nyiaj ib hnab 5 kg."),
                            (
                                None,
                                "",
                                "Hais qhov tseeb: txiv loj los me, qab zib los qaub me ntsis, de hnub twg.",
                            ),
                            (
                                None,
                                "",
                                "Xa li cas, thiab koj tus lej xov tooj los yog Zalo rau nug.",
                            ),
                        ],
                    ),
                    (
                        "p",
                        "Piv txwv: Txiv kab ntxwv Mường Khương, de tag kis no. Hnab 5 kg, 150.000 nyiaj. Txiv nruab nrab, qab zib me ntsis. Xa hauv xeem, los yog xa tsheb npav mus rau nroog. Hu los yog Zalo koj tus lej.",
                    ),
                    (
                        "warn",
                        'Tsis txhob hais ntau dhau ("qab zib tshaj plaws hauv Nyab Laj") thiab tsis txhob siv duab hauv internet. Tus neeg yuav tau khoom txawv yuav tsis yuav dua.',
                    ),
                    (
                        "quiz",
                        "Lus piav twg zoo dua?",
                        None,
                        [
                            (
                                "Txiv kab ntxwv Mường Khương, hnab 5 kg, 150.000 nyiaj, de hnub no, txiv nruab nrab, qab zib me ntsis",
                                None,
                                "Yog lawm. Muaj lub npe, qhov hnyav, nqi thiab hais qhov tseeb.",
                            ),
                            (
                                "Txiv kab ntxwv zoo tshaj plaws hauv ntiaj teb, xa ntawv tuaj nug nqi",
                                None,
                                "Tsis yog. Tsis muaj nqi, tsis muaj qhov hnyav, thiab hais ntau dhau.",
                            ),
                        ],
                    ),
                ],
            },
            "dang-ban-zalo-va-san": {
                "title": "Tshaj tawm hauv pab Zalo thiab hauv khw internet",
                "summary": "Tshaj tawm koj cov duab thiab lus piav hauv pab hauv zos, ces hauv ib lub khw internet.",
                "body": [
                    (
                        "img",
                        None,
                        "Ib lub xov tooj qhib pab Zalo muaj ib tsab tshaj tawm txiv kab ntxwv, ob tug neeg yuav saib ntawm deb",
                        "",
                    ),
                    (
                        "steps",
                        "Tshaj tawm hauv pab Zalo hauv zos",
                        [
                            (
                                None,
                                "Ib tsab tshaj tawm hauv pab Zalo muaj duab txiv kab ntxwv thiab ib kab ntawv",
                                "Qhib Zalo thiab mus rau pab hauv zos los yog pab yuav muag ntawm xeem.",
                            ),
                            (
                                None,
                                "",
                                "Nias lub cim duab thiab xaiv 2 los yog 3 daim duab zoo tshaj.",
                            ),
                            (
                                None,
                                "",
                                "Muab koj cov lus piav tso rau hauv lub thawv ntawv, ces nias Xa.",
                            ),
                            (None, "", "Teb cov neeg nug kom sai thiab hais lus zoo."),
                        ],
                    ),
                    (
                        "steps",
                        "Tshaj tawm hauv ib lub khw internet",
                        [
                            (
                                None,
                                "",
                                "Thov pab digital hauv zos pab qhib ib tus account neeg muag nrog koj tus lej xov tooj.",
                            ),
                            (
                                None,
                                "",
                                "Nias Ntxiv khoom thiab muab cov duab, lub npe, nqi, qhov hnyav thiab lus piav.",
                            ),
                            (
                                None,
                                "",
                                "Xaiv txoj kev xa khoom ntawm lub khw, ces nias Tshaj tawm.",
                            ),
                        ],
                    ),
                    (
                        "tip",
                        "Lub khw internet sau nyiaj pab koj rau cov neeg yuav hauv lub khw, yog li muaj kev nyab xeeb dua. Nyeem nws cov nqi ua ntej koj teeb tus nqi.",
                    ),
                    (
                        "warn",
                        "Tsuas tshaj tawm koj tus lej xov tooj muag khoom xwb. Tsis txhob tshaj tawm duab daim npav ID, koj tus account tag nrho los yog tus lej OTP.",
                    ),
                    (
                        "quiz",
                        "Thaum muag khoom, yam twg tsis txhob tshaj tawm?",
                        None,
                        [
                            (
                                "Duab koj daim npav pej xeem",
                                None,
                                "Yog lawm. Neeg dag siv tau duab daim npav ID los dag.",
                            ),
                            (
                                "Tus lej OTP",
                                None,
                                "Yog lawm. Tsis txhob muab tus lej OTP rau leej twg.",
                            ),
                            (
                                "Tus nqi thiab qhov hnyav",
                                None,
                                "Tsis yog. Tus nqi thiab qhov hnyav yuav tsum sau kom meej.",
                            ),
                        ],
                    ),
                ],
            },
            "livestream-an-toan": {
                "title": "Livestream thawj zaug kom nyab xeeb",
                "summary": "Npaj, hais dab tsi thaum livestream, thiab nyob kom nyab xeeb.",
                "body": [
                    (
                        "img",
                        None,
                        "Ib tug neeg ua teb tuav txiv kab ntxwv ntawm lub xov tooj nyob saum ib lub ko taw, lub vijtsam sau LIVE",
                        "",
                    ),
                    (
                        "steps",
                        "Npaj thiab pib livestream",
                        [
                            (
                                None,
                                "Lub xov tooj nyob saum peb txhais ko taw, tus neeg muag sawv ntawm xub ntiag",
                                "Them roj teeb kom puv. Sawv qhov chaw muaj xov tooj zoo, thaum nruab hnub.",
                            ),
                            (
                                None,
                                "",
                                "Muab lub xov tooj tso saum ib lub ko taw, los yog thov ib tug neeg tuav kom ruaj.",
                            ),
                            (
                                None,
                                "",
                                "Hauv Zalo los yog Facebook xaiv Video ncaj qha, sau lub npe ntawm kev muag, ces nias Pib.",
                            ),
                            (
                                None,
                                "",
                                "Hais lus zoo rau txhua tus, qhia cov khoom, hais nqi thiab qhov hnyav; txiav ib lub txiv qhia.",
                            ),
                            (
                                None,
                                "",
                                "Nyeem cov neeg yuav lub npe thiab sau cov khoom lawv xav yuav rau ntawv. Thaum tas, nias Xaus.",
                            ),
                        ],
                    ),
                    (
                        "warn",
                        "Tsis txhob nyeem koj tus lej ID, chaw nyob los yog koj cov nyiaj hauv account thaum livestream. Leej twg los saib tau.",
                    ),
                    (
                        "tip",
                        "Thawj zaug, 10 txog 15 feeb txaus lawm. Qhia pab Zalo lub sij hawm ua ntej kom muaj neeg saib ntau.",
                    ),
                    (
                        "quiz",
                        'Thaum koj tab tom livestream, ib tug neeg saib thov koj tus lej account thiab tus lej OTP "kom them nyiaj sai". Koj ua li cas?',
                        None,
                        [
                            (
                                "Tsuas muab tus lej account rau them nyiaj xwb, tsis txhob muab tus lej OTP",
                                None,
                                "Yog lawm. Tus lej OTP yog koj li xwb; leej twg thov yog neeg dag.",
                            ),
                            (
                                "Nyeem tus lej OTP thiab kom sai",
                                None,
                                "Tsis yog. Muaj tus lej OTP, neeg dag nqa tau koj cov nyiaj.",
                            ),
                        ],
                    ),
                ],
            },
            "nhan-tien-khong-bi-lua": {
                "title": "Tau nyiaj yam tsis raug dag",
                "summary": 'Duab xa nyiaj cuav thiab "shipper" cuav: paub li cas.',
                "body": [
                    (
                        "img",
                        None,
                        "Sab laug: ib daim duab xa nyiaj raug kos liab. Sab xis: app tsev txhab nyiaj qhia tias nyiaj tuaj txog lawm",
                        "",
                    ),
                    (
                        "steps",
                        "Ua ntej koj muab khoom",
                        [
                            (
                                None,
                                "Ib daim duab raug kos tawm, ib lub app tsev txhab nyiaj muaj cim ntsuab",
                                "Tus neeg yuav xa ib daim duab xa nyiaj tuaj? Tsis txhob ntseeg. Duab ua cuav tau yooj yim.",
                            ),
                            (
                                None,
                                "",
                                "Qhib koj lub app tsev txhab nyiaj thiab saib seb cov nyiaj puas tuaj rau koj tus account lawm.",
                            ),
                            (
                                None,
                                "",
                                "Tsuas muab khoom thaum nyiaj tuaj txog tiag, los yog txais nyiaj ntsuab thaum xa khoom.",
                            ),
                        ],
                    ),
                    (
                        "steps",
                        'Ceev faj "shipper" cuav',
                        [
                            (
                                None,
                                "Ib tug neeg xa khoom caij maus taus, ib lub xov tooj muaj cim ceev faj thiab lo lus OTP",
                                "Muaj ib tug neeg hu tuaj hais tias nws yog shipper thiab kom koj nias ib txoj link los yog them nqi xa ua ntej: qhov no yog kev dag.",
                            ),
                            (
                                None,
                                "",
                                'Tsis txhob nias link txawv, tsis txhob nyeem tus lej OTP, tsis txhob xa nyiaj rau "shipper".',
                            ),
                            (
                                None,
                                "",
                                "Hu rov qab rau tus neeg yuav ntawm tus lej koj twb muaj lawm, thiab nug.",
                            ),
                        ],
                    ),
                    (
                        "h5p",
                        "Tseeb los dag? Xaiv Muaj tseeb los yog Tsis muaj tseeb rau txhua kab.",
                    ),
                    (
                        "warn",
                        "Raug dag lawm? Hu rau koj lub tsev txhab nyiaj tam sim no kom kaw koj tus account, thiab qhia tub ceev xwm hauv xeem.",
                    ),
                    (
                        "quiz",
                        "Ib tug neeg yuav xa ib daim duab qhia tias nws xa 500.000 nyiaj lawm. Koj ua li cas ua ntej muab khoom?",
                        None,
                        [
                            (
                                "Qhib kuv lub app tsev txhab nyiaj thiab saib seb nyiaj tuaj txog lawm",
                                None,
                                "Yog lawm. Tsuas ntseeg cov nyiaj hauv koj lub app tsev txhab nyiaj xwb.",
                            ),
                            (
                                "Muab khoom tam sim ntawd, vim muaj duab lawm",
                                None,
                                "Tsis yog. Duab xa nyiaj ua cuav tau yooj yim.",
                            ),
                        ],
                    ),
                ],
            },
        },
    },
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
