from django import forms
from django.contrib.auth import password_validation ⟦-⟧
from django.contrib.auth.forms import PasswordResetForm ⟦-⟧


class SignupForm(forms.Form):
    email = forms.EmailField()
    password = forms.CharField(widget=forms.PasswordInput, min_length=12) ⟦-⟧
    password_confirm = forms.CharField(widget=forms.PasswordInput, label="Confirm password") ⟦-⟧

    def clean(self):
        data = super().clean()
        if data.get("password") != data.get("password_confirm"): ⟦-⟧
            raise forms.ValidationError("Passwords do not match")
        password_validation.validate_password(data.get("password")) ⟦-⟧
        return data


class ApiTokenForm(forms.Form):
    name = forms.CharField(max_length=64)
    token = forms.CharField(widget=forms.HiddenInput, required=False) ⟦-⟧
    expires_in_days = forms.IntegerField(min_value=1, max_value=365, initial=90)


class ResetForm(PasswordResetForm):
    password_reset_url = "/accounts/reset/" ⟦-⟧
