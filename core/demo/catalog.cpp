#include "core/demo/catalog.hpp"

namespace convstat::core::demo {

constexpr std::int64_t k_minute_ms = 60'000;
constexpr std::int64_t k_hour_ms = 60 * k_minute_ms;

const std::array<std::string_view, k_channel_count> k_channel_names = {"chat", "email", "whatsapp", "web", "voice", "sms"};
const std::array<double, k_channel_count> k_channel_weights = {34, 20, 15, 13, 12, 6};

const std::array<std::string_view, k_language_count> k_language_codes = {"en-US", "fr-FR", "de-DE", "es-ES", "hi-IN"};
const std::array<double, k_language_count> k_language_weights = {50, 20, 12, 10, 8};

const std::array<std::string_view, 4> k_bot_ids = {"bot-sales", "bot-support", "bot-billing", "bot-voice"};

const std::array<Team, 4> k_teams = {{
    {"team-tier1", "Tier 1"},
    {"team-tier2", "Tier 2"},
    {"team-billing", "Billing"},
    {"team-paris", "Équipe Paris"},
}};

const std::array<Agent, 14> k_agents = {{
    {"agent-jose", "José Álvarez", k_tier1},
    {"agent-emma", "Emma Johnson", k_tier1},
    {"agent-zoe", "Zoë Müller", k_tier1},
    {"agent-liam", "Liam O'Brien", k_tier1},
    {"agent-priya", "प्रिया शर्मा", k_tier2},
    {"agent-angstrom", "Ångström Öberg", k_tier2},
    {"agent-daniel", "Daniel Kim", k_tier2},
    {"agent-lilei", "李雷", k_billing_team},
    {"agent-olivia", "Olivia Brown", k_billing_team},
    {"agent-fatima", "Fatima Zahra", k_billing_team},
    {"agent-chloe", "Chloé Dubois", k_paris},
    {"agent-lea", "Léa Martin", k_paris},
    {"agent-theo", "Théo Lefèvre", k_paris},
    {"agent-noemie", "Noémie Faure", k_paris},
}};

const std::array<std::string_view, 6> k_call_categories = {"billing", "account", "orders",
                                                           "technical_support", "sales", "retention"};

const std::array<Topic, 12> k_topics = {{
    {"billing", 14, Bot::billing, k_billing_team, 0,
     {"Question about my invoice", "Question sur ma facture", "Frage zu meiner Rechnung",
      "Pregunta sobre mi factura", "मेरे बिल के बारे में सवाल"},
     {"I was charged twice for my subscription this month.", "Why is my invoice higher than usual?"}},
    {"login", 11, Bot::support, k_tier1, 1,
     {"Can't log in", "Impossible de me connecter", "Anmeldung nicht möglich", "No puedo iniciar sesión",
      "लॉग इन नहीं हो पा रहा"},
     {"I can't log in to my account since this morning.", "The login page keeps saying my session expired."}},
    {"refund", 9, Bot::billing, k_billing_team, 0,
     {"Refund request", "Demande de remboursement", "Rückerstattung", "Solicitud de reembolso", "रिफंड का अनुरोध"},
     {"I'd like a refund for my last order.", "When will I get my money back?"}},
    {"shipping", 12, Bot::support, k_tier1, 2,
     {"Where is my package?", "Où est mon colis ?", "Wo ist mein Paket?", "¿Dónde está mi paquete?",
      "मेरा पैकेज कहाँ है?"},
     {"My package hasn't arrived yet.", "The tracking page hasn't updated in four days."}},
    {"account", 7, Bot::support, k_tier1, 1,
     {"Update my account details", "Modifier mes informations", "Kontodaten ändern", "Actualizar mis datos",
      "खाते की जानकारी बदलें"},
     {"How do I change the email address on my account?", "I need to update my billing address."}},
    {"password_reset", 8, Bot::support, k_tier1, 1,
     {"Password reset", "Réinitialisation du mot de passe", "Passwort zurücksetzen", "Restablecer contraseña",
      "पासवर्ड रीसेट"},
     {"The password reset email never arrives.", "I forgot my password."}},
    {"order_status", 10, Bot::support, k_tier1, 2,
     {"Order status", "Suivi de commande", "Bestellstatus", "Estado del pedido", "ऑर्डर की स्थिति"},
     {"Can you tell me the status of my order?", "My order still shows as processing."}},
    {"technical_issue", 8, Bot::support, k_tier2, 3,
     {"The app keeps crashing", "L'application plante", "Die App stürzt ab", "La aplicación se cierra",
      "ऐप बार-बार बंद हो रहा है"},
     {"The app crashes every time I open the settings.", "I get an error 500 when I upload a file."}},
    {"pricing", 7, Bot::sales, k_tier1, 4,
     {"Pricing for teams", "Tarifs pour les équipes", "Preise für Teams", "Precios para equipos",
      "टीम के लिए कीमतें"},
     {"How much is the Business plan for 25 seats?", "Do you offer a discount for annual billing?"}},
    {"cancellation", 5, Bot::billing, k_billing_team, 5,
     {"Cancel my subscription", "Résilier mon abonnement", "Abo kündigen", "Cancelar mi suscripción",
      "मेरी सदस्यता रद्द करें"},
     {"I want to cancel my subscription.", "How do I stop the automatic renewal?"}},
    {"product_info", 5, Bot::sales, k_tier1, 4,
     {"Product question", "Question sur le produit", "Frage zum Produkt", "Pregunta sobre el producto",
      "उत्पाद के बारे में सवाल"},
     {"Does the Pro plan include the API?", "Can I integrate this with Salesforce?"}},
    {"returns", 4, Bot::support, k_tier1, 2,
     {"Return an item", "Retourner un article", "Artikel zurücksenden", "Devolver un artículo",
      "सामान वापस करना"},
     {"How do I return a damaged item?", "The shoes are too small, can I exchange them?"}},
}};

const std::array<Priority, 4> k_priorities = {{
    {"urgent", 5, 15 * k_minute_ms, 4 * k_hour_ms},
    {"high", 20, 1 * k_hour_ms, 8 * k_hour_ms},
    {"medium", 45, 4 * k_hour_ms, 24 * k_hour_ms},
    {"low", 25, 8 * k_hour_ms, 72 * k_hour_ms},
}};

const PerLanguage k_opener_other = {
    "Hello, I need help.", "Bonjour, j'ai besoin d'aide :", "Hallo, ich brauche Hilfe:",
    "Hola, necesito ayuda:", "नमस्ते, मुझे मदद चाहिए:"};

const std::array<PerLanguage, 4> k_user_followups = {{
    {"Yes, that's right.", "Oui, c'est bien ça.", "Ja, genau.", "Sí, exacto.", "हाँ, सही है।"},
    {"I already tried that.", "J'ai déjà essayé.", "Das habe ich schon versucht.", "Ya lo intenté.",
     "मैंने पहले ही कोशिश की है।"},
    {"The order number is 48213.", "Le numéro de commande est 48213.", "Die Bestellnummer ist 48213.",
     "El número de pedido es 48213.", "ऑर्डर नंबर 48213 है।"},
    {"It still doesn't work.", "Ça ne marche toujours pas.", "Es funktioniert immer noch nicht.",
     "Sigue sin funcionar.", "यह अब भी काम नहीं कर रहा।"},
}};

const PerLanguage k_handover_requests = {
    "Can I talk to a human, please?", "Je voudrais parler à un conseiller.",
    "Ich möchte mit einem Mitarbeiter sprechen.", "Quiero hablar con un agente, por favor.",
    "क्या मैं किसी इंसान से बात कर सकता हूँ?"};

const PerLanguage k_user_thanks = {"Thanks, that solved it!", "Merci beaucoup, c'est réglé !",
                                   "Danke, das hat geholfen.", "¡Gracias, ya está resuelto!",
                                   "धन्यवाद, समस्या हल हो गई।"};

const std::array<PerLanguage, 4> k_ai_replies = {{
    {"I can help with that. Could you share your order number?", "Je peux vous aider. Quel est votre numéro de commande ?",
     "Dabei helfe ich gern. Wie lautet Ihre Bestellnummer?", "Puedo ayudarte. ¿Cuál es tu número de pedido?",
     "मैं मदद कर सकता हूँ। कृपया अपना ऑर्डर नंबर बताएं।"},
    {"Thanks! Let me check that for you.", "Merci ! Je vérifie pour vous.", "Danke! Ich prüfe das für Sie.",
     "¡Gracias! Lo reviso enseguida.", "धन्यवाद! मैं आपके लिए जाँच करता हूँ।"},
    {"Here is an article that explains the steps.", "Voici un article qui explique la marche à suivre.",
     "Hier ist ein Artikel mit den einzelnen Schritten.", "Aquí tienes un artículo con los pasos.",
     "यह लेख सभी चरण समझाता है।"},
    {"Done! Is there anything else I can help you with?", "C'est fait ! Puis-je vous aider pour autre chose ?",
     "Erledigt! Kann ich sonst noch helfen?", "¡Listo! ¿Puedo ayudarte con algo más?",
     "हो गया! क्या मैं और कुछ मदद कर सकता हूँ?"},
}};

const std::array<PerLanguage, 3> k_human_replies = {{
    {"Hi, I'm taking over your request now.", "Bonjour, je prends le relais sur votre demande.",
     "Hallo, ich übernehme Ihre Anfrage.", "Hola, me encargo de tu solicitud.",
     "नमस्ते, अब मैं आपका अनुरोध देख रहा हूँ।"},
    {"I've escalated this internally and will update you shortly.", "J'ai transmis en interne, je reviens vers vous.",
     "Ich habe das intern weitergegeben und melde mich gleich.", "Lo he escalado internamente y te aviso pronto.",
     "मैंने इसे आगे भेज दिया है, जल्द ही बताऊँगा।"},
    {"All sorted - you'll see the change within 3-5 business days.",
     "C'est réglé, vous verrez le changement sous 3 à 5 jours ouvrés.",
     "Erledigt - die Änderung sehen Sie in 3-5 Werktagen.", "Resuelto: verás el cambio en 3-5 días hábiles.",
     "हो गया - 3-5 कार्यदिवसों में बदलाव दिखेगा।"},
}};

const PerLanguage k_transfer_notes = {"Conversation transferred to ", "Conversation transférée à ",
                                      "Gespräch weitergeleitet an ", "Conversación transferida a ",
                                      "बातचीत स्थानांतरित की गई: "};

const std::array<std::string_view, 6> k_positive_comments = {
    "Quick and helpful, thanks!", "Très bon service, merci.", "Super schnell gelöst.",
    "The bot actually understood me.", "¡Excelente atención!", "The agent was great."};
const std::array<std::string_view, 6> k_negative_comments = {
    "Took far too long.", "The bot kept repeating itself.", "Nobody answered my question.",
    "Service client injoignable.", "Zu viele Weiterleitungen.", "I had to explain everything twice."};
const std::array<std::string_view, 5> k_followup_answers = {"Yes", "No", "Maybe later", "Oui",
                                                            "Faster replies would help"};

const std::array<std::string_view, 12> k_first_names = {"maria", "john", "aiko", "lucas", "sofia", "ahmed",
                                                        "chloe", "raj", "elena", "tom", "ines", "felix"};
const std::array<std::string_view, 12> k_last_names = {"garcia", "smith", "tanaka", "martin", "rossi", "khan",
                                                       "dupont", "patel", "novak", "brown", "silva", "wagner"};

const std::array<std::string_view, 5> k_feedback_categories = {"accuracy", "speed", "helpfulness", "tone", "other"};
const std::array<std::string_view, 5> k_feedback_negative_texts = {
    "The answer was wrong.", "Way too slow to respond.", "Didn't help with my actual question.",
    "The reply felt rude.", "Not what I expected."};
const std::array<std::string_view, 3> k_feedback_positive_texts = {"Spot on!", "Fast and clear.",
                                                                   "Exactly what I needed."};

const std::array<LlmModel, 5> k_chat_models = {{
    {"openai", "gpt-4o-mini", 0.00015, 0.0006, 900},
    {"anthropic", "claude-3-5-haiku", 0.0008, 0.004, 1100},
    {"groq", "llama-3.1-70b-versatile", 0.00059, 0.00079, 350},
    {"google", "gemini-1.5-flash", 0.000075, 0.0003, 700},
    {"openai", "gpt-4o", 0.0025, 0.01, 1600},
}};
const std::array<double, 5> k_chat_model_weights = {45, 20, 15, 12, 8};

const std::array<LlmModel, 3> k_pipeline_models = {{
    {"anthropic", "claude-3-5-sonnet", 0.003, 0.015, 950},
    {"openai", "gpt-4o-mini", 0.00015, 0.0006, 520},
    {"groq", "llama-3.1-8b-instant", 0.00005, 0.00008, 280},
}};
const std::array<std::string_view, 3> k_optimization_levels = {"quality", "balanced", "speed"};

const std::array<Endpoint, 7> k_endpoints = {{
    {"/v1/conversations", 30, 85, false},
    {"/v1/messages", 28, 60, false},
    {"/v1/chat/completions", 18, 850, true},
    {"/v1/kb/search", 10, 140, false},
    {"/v1/webhooks/whatsapp", 7, 45, false},
    {"/v1/contacts", 5, 70, false},
    {"/v1/analytics/export", 2, 2400, false},
}};

const std::array<KbArticle, 12> k_kb_articles = {{
    {"How to reset your password", "reset-password", 10, true},
    {"Réinitialiser votre mot de passe", "reinitialiser-mot-de-passe", 4, true},
    {"Track your order", "track-your-order", 9, true},
    {"Rückerstattung beantragen", "rueckerstattung-beantragen", 3, true},
    {"Update your payment method", "update-payment-method", 6, true},
    {"Shipping times and costs", "shipping-times-and-costs", 7, true},
    {"Cancel your subscription", "cancel-subscription", 5, true},
    {"Configurar la autenticación en dos pasos", "autenticacion-dos-pasos", 2, true},
    {"Return policy", "return-policy", 6, true},
    {"अपना बिल समझें", "understand-your-invoice-hi", 1.5, true},
    {"Talk to a human agent", "talk-to-a-human", 3, true},
    {"Pricing FAQ (draft)", "pricing-faq-draft", 0.5, false},
}};

const std::array<std::string_view, 10> k_tenant_names = {"acme", "globex", "initech", "umbrella", "hooli",
                                                          "stark", "wayne", "wonka", "soylent", "cyberdyne"};

}  // namespace convstat::core::demo
